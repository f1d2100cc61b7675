/**
 * Grouping mentions into entities: company mentions under their lexicon name
 * (阿里 and 阿里巴巴 -> 阿里巴巴), a short form under the full name found in the same
 * article (灵枢机器人 -> 灵枢机器人科技有限公司), and a transliterated surname under
 * the full name (奥尔特曼 -> 萨姆·奥尔特曼).
 */
import type { Entity, Mention } from './schema.js';
import { MIDDLE_DOT } from './text/middleDots.js';

export interface EntityInput {
  mention: Mention;
  /** lexicon canonical name, when the lexicon matched */
  canonical?: string;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * For each company name, the longest other name of the article it begins (灵枢机器人 ->
 * 灵枢机器人科技有限公司; the first listed on equal length). In code-unit order the names a
 * name begins follow it directly, so each name looks only at those: linear in the total
 * length of the names (a name begins at most as many others as it has characters in them),
 * and no prefix strings are made.
 */
function fullCompanyNames(names: readonly string[]): Map<string, string> {
  const full = new Map<string, string>();
  const order = names.map((_, i) => i).sort((a, b) => byCodeUnits(names[a]!, names[b]!));
  for (let k = 0; k < order.length; k++) {
    const short = names[order[k]!]!;
    // a one-character name abbreviates nothing
    if (short.length < 2) continue;
    let best = -1;
    for (let j = k + 1; j < order.length && names[order[j]!]!.startsWith(short); j++) {
      const i = order[j]!;
      if (best === -1 || names[i]!.length > names[best]!.length || (names[i]!.length === names[best]!.length && i < best)) best = i;
    }
    if (best !== -1) full.set(short, names[best]!);
  }
  return full;
}

/** For each last part of a transliterated name, the longest full name it ends (奥尔特曼 -> 萨姆·奥尔特曼). */
function fullPersonNames(names: readonly string[]): Map<string, string> {
  const full = new Map<string, string>();
  for (const name of names) {
    if (!MIDDLE_DOT.test(name)) continue;
    const parts = name.split(MIDDLE_DOT);
    const last = parts[parts.length - 1]!;
    const current = full.get(last);
    if (current === undefined || name.length > current.length) full.set(last, name);
  }
  return full;
}

export function groupEntities(inputs: readonly EntityInput[]): Entity[] {
  // the named mentions by type, in one pass (money and dates have no entity)
  const byType = { company: [] as EntityInput[], person: [] as EntityInput[] };
  for (const input of inputs) {
    const { type } = input.mention;
    if (type === 'company' || type === 'person') byType[type].push(input);
  }
  const entities: Entity[] = [];
  for (const type of ['company', 'person'] as const) {
    const ofType = byType[type];
    if (ofType.length === 0) continue;
    const plainNames = [...new Set(ofType.filter((i) => !i.canonical).map((i) => (i.mention as { name: string }).name))];
    const full = type === 'company' ? fullCompanyNames(plainNames) : fullPersonNames(plainNames);
    // entities in order of their first mention, companies before people
    const groups = new Map<string, Entity>();
    for (const { mention, canonical } of ofType) {
      const name = (mention as { name: string }).name;
      const key = canonical ?? full.get(name) ?? name;
      let entity = groups.get(key);
      if (!entity) {
        entity = { type, name: key, aliases: [], count: 0 };
        groups.set(key, entity);
        entities.push(entity);
      }
      entity.count++;
      if (name !== key && !entity.aliases.includes(name)) entity.aliases.push(name);
    }
  }
  return entities;
}
