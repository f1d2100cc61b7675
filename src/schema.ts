/**
 * The output contract (shared/ANNOTATION.md), written once as zod schemas.
 * TypeScript types are inferred from these; `zhx schema` exports them as JSON Schema.
 */
import { z } from 'zod';

export const MENTION_TYPES = ['company', 'person', 'money', 'date'] as const;
export const mentionTypeSchema = z.enum(MENTION_TYPES);
export type MentionType = z.infer<typeof mentionTypeSchema>;

export const moneyModSchema = z.enum(['APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_MORE', 'EQUAL_OR_LESS']);
export const dateModSchema = z.enum(['START', 'MID', 'END']);

/** Fields every mention carries. Offsets are UTF-16 indices into the original decoded text. */
const span = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** original.slice(start, end), exactly */
  text: z.string().min(1),
  /** id of the rule that produced the mention, for explainability */
  rule: z.string().optional(),
  /** gold files only: finding or missing it changes no score */
  optional: z.boolean().optional(),
};

export const companyMentionSchema = z.object({
  type: z.literal('company'),
  ...span,
  /** simplified surface, whitespace between CJK and Latin removed */
  name: z.string().min(1),
});

export const personMentionSchema = z.object({
  type: z.literal('person'),
  ...span,
  /** simplified name */
  name: z.string().min(1),
});

export const moneyMentionSchema = z.object({
  type: z.literal('money'),
  ...span,
  /** amount in currency units; absent for ranges and vague counts */
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** ISO 4217 code */
  currency: z.string().regex(/^[A-Z]{3}$/),
  mod: moneyModSchema.optional(),
});

export const dateMentionSchema = z.object({
  type: z.literal('date'),
  ...span,
  /** TIMEX3 value: 2024, 2020-12, 2019-06-01, 2023-Q4, 2023-H2, 2025-W05, XXXX-03-19, 2019/2023 */
  value: z.string().min(1),
  mod: dateModSchema.optional(),
  /** deictic (今年, 近日): value resolved against refDate when one is given */
  relative: z.boolean().optional(),
  /** a partial date (XXXX-03-19) completed with refDate's year */
  resolved: z.string().optional(),
});

export const mentionSchema = z.discriminatedUnion('type', [
  companyMentionSchema,
  personMentionSchema,
  moneyMentionSchema,
  dateMentionSchema,
]);

export const entitySchema = z.object({
  type: z.enum(['company', 'person']),
  /** canonical name the aliases are grouped under */
  name: z.string(),
  aliases: z.array(z.string()),
  count: z.number().int().positive(),
});

export const scriptSchema = z.enum(['hant', 'hans', 'mixed', 'none']);

export const resultSchema = z.object({
  /** article id (from --jsonl) when one was given */
  id: z.string().optional(),
  /** source path relative to where zhx ran, when read from a file */
  doc: z.string().optional(),
  script: scriptSchema,
  refDate: z.string().optional(),
  mentions: z.array(mentionSchema),
  entities: z.array(entitySchema),
});

export type CompanyMention = z.infer<typeof companyMentionSchema>;
export type PersonMention = z.infer<typeof personMentionSchema>;
export type MoneyMention = z.infer<typeof moneyMentionSchema>;
export type DateMention = z.infer<typeof dateMentionSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Script = z.infer<typeof scriptSchema>;
export type ExtractionResult = z.infer<typeof resultSchema>;
export type MoneyMod = z.infer<typeof moneyModSchema>;
export type DateMod = z.infer<typeof dateModSchema>;

/** JSON Schema (draft 2020-12) of one extraction result. */
export function resultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(resultSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
