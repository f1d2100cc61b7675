/**
 * CLUENER2020 dev (odd half): company and person, strict spans.
 * RAW: our company mentions against CLUENER `company` only; every other company
 * prediction is a false positive. MAPPED: CLUENER `organization` is a mixed class
 * (sports clubs such as 曼联 or AC米兰 that ANNOTATION.md could count as companies,
 * next to bands, associations, leagues and university departments), so a company
 * prediction whose span is exactly an `organization` span is left out (neither
 * right nor wrong). `government` is not mapped: ANNOTATION.md excludes government
 * bodies from company just as CLUENER does. Person is the same in both views.
 */
import { readJsonl, type NerRecord } from '../data.js';
import { jiebaEntities } from '../jiebaPeer.js';
import { fnRecord, fpRecord } from '../ner.js';
import { matchSpans, pooled } from '../spanScore.js';
import type { ErrorRecord, Pred, Suite } from '../types.js';

export function cluenerSuite(): Suite {
  const records = readJsonl<NerRecord>('cluener/dev.jsonl');
  return {
    name: 'cluener',
    source: 'cluener/dev.jsonl',
    counts: { read: records.length, scored: records.length },
    inputs: records.map((r) => ({ id: r.id, text: r.text })),
    peer: { name: 'jieba-pos', predict: jiebaEntities },
    score(preds: Pred[][]) {
      const raw = [], mapped = [], person = [];
      const errors: ErrorRecord[] = [];
      let ignoredByMapping = 0;
      for (const [i, r] of records.entries()) {
        const p = preds[i] ?? [];
        const gold = (type: string) => r.mentions.filter((m) => m.type === type);
        const companies = p.filter((m) => m.type === 'company');
        const people = p.filter((m) => m.type === 'person');
        const c = matchSpans(gold('company'), companies);
        const isOrg = (m: Pred) => r.mentions.some((g) => g.type === 'organization' && g.start === m.start && g.end === m.end);
        const cm = matchSpans(gold('company'), companies, isOrg);
        const pm = matchSpans(gold('person'), people);
        raw.push(c);
        mapped.push(cm);
        person.push(pm);
        ignoredByMapping += cm.ignored.length;
        for (const g of c.fn) errors.push(fnRecord(r.id, r.text, g, 'company', p));
        for (const f of c.fp) errors.push(fpRecord(r.id, r.text, f, r.mentions));
        for (const g of pm.fn) errors.push(fnRecord(r.id, r.text, g, 'person', p));
        for (const f of pm.fp) errors.push(fpRecord(r.id, r.text, f, r.mentions));
      }
      return {
        rows: [
          { label: 'company RAW (vs CLUENER company)', kind: 'prf', m: pooled(raw) },
          { label: `company MAPPED (=organization ignored)`, kind: 'prf', m: { ...pooled(mapped), ignored: ignoredByMapping } },
          { label: 'person', kind: 'prf', m: pooled(person) },
        ],
        errors,
      };
    },
  };
}
