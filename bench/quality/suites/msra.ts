/**
 * MSRA NER test (odd half): person with strict spans. MSRA `organization` mixes
 * companies with government bodies, parties and institutions, so company is only
 * checked against it as a superset, in two separate rows:
 * - ORG recall: the share of ORG spans we mark as company (exact span). Its
 *   ceiling is well below 1, since most ORG spans are not companies.
 * - on ORG: the share of our company mentions whose span is exactly an ORG span.
 *   A company prediction on no ORG span is wrong under both guidelines, unless
 *   MSRA missed it.
 */
import { readJsonl, type NerRecord } from '../data.js';
import { jiebaEntities } from '../jiebaPeer.js';
import { fnRecord, fpRecord } from '../ner.js';
import { matchSpans, pooled, share } from '../spanScore.js';
import type { ErrorRecord, Pred, Suite } from '../types.js';

export function msraSuite(): Suite {
  const records = readJsonl<NerRecord>('msra/test.jsonl');
  return {
    name: 'msra',
    source: 'msra/test.jsonl',
    counts: { read: records.length, scored: records.length },
    inputs: records.map((r) => ({ id: r.id, text: r.text })),
    peer: { name: 'jieba-pos', predict: jiebaEntities },
    score(preds: Pred[][]) {
      const person = [];
      const errors: ErrorRecord[] = [];
      let orgs = 0, orgsFound = 0, companies = 0, companiesOnOrg = 0;
      for (const [i, r] of records.entries()) {
        const p = preds[i] ?? [];
        const pm = matchSpans(r.mentions.filter((m) => m.type === 'person'), p.filter((m) => m.type === 'person'));
        person.push(pm);
        for (const g of pm.fn) errors.push(fnRecord(r.id, r.text, g, 'person', p));
        for (const f of pm.fp) errors.push(fpRecord(r.id, r.text, f, r.mentions));
        const om = matchSpans(r.mentions.filter((m) => m.type === 'organization'), p.filter((m) => m.type === 'company'));
        orgs += om.tp + om.fn.length;
        orgsFound += om.tp;
        companies += om.tp + om.fp.length;
        companiesOnOrg += om.tp;
        for (const f of om.fp) errors.push(fpRecord(r.id, r.text, f, r.mentions, 'company off ORG'));
      }
      return {
        rows: [
          { label: 'person', kind: 'prf', m: pooled(person) },
          { label: 'company: ORG spans found (recall, ceiling<1)', kind: 'acc', m: share(orgsFound, orgs) },
          { label: 'company: our companies on an ORG span', kind: 'acc', m: share(companiesOnOrg, companies) },
        ],
        errors,
      };
    },
  };
}
