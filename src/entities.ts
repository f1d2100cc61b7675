/**
 * Grouping mentions into entities: company mentions under their lexicon name
 * (阿里 and 阿里巴巴 -> 阿里巴巴), a short form under the full name found in the same
 * article (灵枢机器人 -> 灵枢机器人科技有限公司), and a transliterated surname under
 * the full name (奥尔特曼 -> 萨姆·奥尔特曼).
 */
import type { Entity, Mention } from './schema.js';

export interface EntityInput {
  mention: Mention;
  /** lexicon canonical name, when the lexicon matched */
  canonical?: string;
}

/** The full name `name` abbreviates, among the names of the article, if any. */
function fullNameOf(name: string, names: readonly string[], type: 'company' | 'person'): string | undefined {
  const longer = names.filter((n) => n.length > name.length && (type === 'company' ? n.startsWith(name) : n.endsWith(`·${name}`)));
  return longer.sort((a, b) => b.length - a.length)[0];
}

export function groupEntities(inputs: readonly EntityInput[]): Entity[] {
  const groups = new Map<string, Entity>();
  for (const type of ['company', 'person'] as const) {
    const ofType = inputs.filter((i) => i.mention.type === type);
    const plainNames = [...new Set(ofType.filter((i) => !i.canonical).map((i) => (i.mention as { name: string }).name))];
    for (const { mention, canonical } of ofType) {
      const name = (mention as { name: string }).name;
      const key = canonical ?? fullNameOf(name, plainNames, type) ?? name;
      const id = `${type}:${key}`;
      const entity = groups.get(id) ?? { type, name: key, aliases: [], count: 0 };
      entity.count++;
      if (name !== key && !entity.aliases.includes(name)) entity.aliases.push(name);
      groups.set(id, entity);
    }
  }
  return [...groups.values()];
}
