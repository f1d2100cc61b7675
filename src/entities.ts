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

/**
 * For each name, the full name it abbreviates among the article's names, if any: the longest
 * name it begins (company: 灵枢机器人 -> 灵枢机器人科技有限公司) or the full name whose last
 * part it is (person: 奥尔特曼 -> 萨姆·奥尔特曼). Built in one pass over all prefixes.
 */
function fullNames(names: readonly string[], type: 'company' | 'person'): Map<string, string> {
  const longest = new Map<string, string>();
  const offer = (short: string, full: string) => {
    const current = longest.get(short);
    if (current === undefined || full.length > current.length) longest.set(short, full);
  };
  for (const full of names) {
    if (type === 'company') for (let len = 2; len < full.length; len++) offer(full.slice(0, len), full);
    else {
      const last = full.split(/[·•‧・]/);
      if (last.length > 1) offer(last[last.length - 1]!, full);
    }
  }
  return longest;
}

export function groupEntities(inputs: readonly EntityInput[]): Entity[] {
  const groups = new Map<string, Entity>();
  for (const type of ['company', 'person'] as const) {
    const ofType = inputs.filter((i) => i.mention.type === type);
    const plainNames = [...new Set(ofType.filter((i) => !i.canonical).map((i) => (i.mention as { name: string }).name))];
    const full = fullNames(plainNames, type);
    for (const { mention, canonical } of ofType) {
      const name = (mention as { name: string }).name;
      const key = canonical ?? full.get(name) ?? name;
      const id = `${type}:${key}`;
      const entity = groups.get(id) ?? { type, name: key, aliases: [], count: 0 };
      entity.count++;
      if (name !== key && !entity.aliases.includes(name)) entity.aliases.push(name);
      groups.set(id, entity);
    }
  }
  return [...groups.values()];
}
