/**
 * Recognizers-Text datetime resolutions in our date vocabulary (the mapping is
 * the same for the spec's expected results and for the peer's own output):
 *
 * - datetimeV2.date: value = the TIMEX (2016-11-02, XXXX-10-12, XXXX-WXX-1);
 *   the resolved alternatives (the spec lists the past and the future reading of
 *   an ambiguous partial date) are kept as `alts`.
 * - datetimeV2.daterange with a plain TIMEX date (2018, 2018-10, 0705-11, 2017-SU):
 *   value = that TIMEX, as ANNOTATION.md writes a year or a month.
 * - datetimeV2.daterange "(a,b,PnD)" with day ends (从一月十日到十二日): the
 *   interval a/b, as ANNOTATION.md writes `2019/2023`.
 * - anything else is out of scope (null): times, durations, sets, and ranges
 *   measured in weeks/months/years ("(2008-07-24,2018-07-24,P10Y)" for 过去十年,
 *   decades, 前1周), whose exclusive ends and anchors have no TIMEX date value.
 *   A `Mod` (before/after/since: 2018年以前) is kept as `mod`: ANNOTATION.md has no
 *   such date mod, so a result carrying one is out of scope as expected data.
 */
export interface RecognizersValue {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
  Mod?: string;
}

export interface DateReading {
  value: string;
  mod?: string;
  /** resolved calendar readings (no 'not resolved') */
  alts: string[];
}

export const DATE_TYPES = new Set(['datetimeV2.date', 'datetimeV2.daterange']);

const PLAIN = /^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?|-Q[1-4]|-H[12]|-W(\d{2}|XX)(-[1-7])?|-(SU|SP|FA|WI))?$/;
const DAY = /^(\d{4}|XXXX)-\d{2}-\d{2}$/;
const DAY_RANGE = /^\(([^,]+),([^,]+),P\d+D\)$/;

const resolvedOf = (v: RecognizersValue) => (v.value && v.value !== 'not resolved' ? v.value : undefined);

/** Our reading of one Recognizers result, or null when it is not a date under ANNOTATION.md. */
export function readRecognizersDate(typeName: string, values: readonly RecognizersValue[]): DateReading | null {
  const first = values[0];
  if (!DATE_TYPES.has(typeName) || !first?.timex) return null;
  const mod = first.Mod ? { mod: first.Mod } : {};
  if (PLAIN.test(first.timex)) {
    const alts = values.map(resolvedOf).filter((v): v is string => v !== undefined);
    if (alts.length === 0 && !first.timex.includes('X') && !/-(SU|SP|FA|WI)$/.test(first.timex)) alts.push(first.timex);
    return { value: first.timex, ...mod, alts };
  }
  const range = first.timex.match(DAY_RANGE);
  if (range && DAY.test(range[1]!) && DAY.test(range[2]!)) {
    const alts = values.filter((v) => v.start && v.end).map((v) => `${v.start}/${v.end}`);
    return { value: `${range[1]}/${range[2]}`, ...mod, alts };
  }
  return null;
}
