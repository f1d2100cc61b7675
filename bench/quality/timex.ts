/**
 * TIMEX3 date values as closed day intervals, and back. Used to compare our
 * `value` with sets that express dates differently: JioNLP gives the closed
 * interval a phrase denotes (2019年 -> 2019-01-01 .. 2019-12-31), Recognizers
 * gives a TIMEX plus resolved alternatives. Days are 'YYYY-MM-DD' strings;
 * arithmetic runs on UTC dates so no time zone can shift a day.
 */
export type Interval = [start: string, end: string];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dayOf = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // not Date.UTC, which maps years 0-99 to 1900-1999
  return date;
};
const lastDay = (y: number, m: number) => utc(y, m + 1, 0).getUTCDate();
const addDays = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(utc(y, m, d + n));
};

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekStart(year: number, week: number): string {
  const jan4 = utc(year, 1, 4);
  const monday = utc(year, 1, 4 - ((jan4.getUTCDay() + 6) % 7));
  return dayOf(utc(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate() + 7 * (week - 1)));
}
/** ISO year and week of a day: the week belongs to the year of its Thursday. */
function isoWeekOf(day: string): [number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const thursday = utc(y, m, d + 3 - ((utc(y, m, d).getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  return [year, 1 + Math.floor((thursday.getTime() - utc(year, 1, 1).getTime()) / (7 * 86_400_000))];
}

/**
 * The days a fully specified TIMEX date value covers, or null (unknown year XXXX,
 * seasons, times). Forms: 2019, 2019-06, 2019-06-01, 2019-Q2, 2019-H1, 2019-W23,
 * decades (198 = 1980s), centuries (19 = 1900s) and intervals a/b.
 */
export function timexInterval(value: string): Interval | null {
  if (value.includes('/')) {
    const [a, b, ...rest] = value.split('/');
    const ia = timexInterval(a ?? '');
    const ib = timexInterval(b ?? '');
    return rest.length === 0 && ia && ib && ia[0] <= ib[1] ? [ia[0], ib[1]] : null;
  }
  let m: RegExpMatchArray | null;
  if ((m = value.match(/^(\d{4})$/))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = value.match(/^(\d{4})-(\d{2})$/))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}`] : null;
  }
  if ((m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return dayOf(utc(+m[1]!, +m[2]!, +m[3]!)) === value ? [value, value] : null;
  if ((m = value.match(/^(\d{4})-Q([1-4])$/))) {
    const first = 3 * Number(m[2]) - 2;
    return [`${m[1]}-${pad(first)}-01`, `${m[1]}-${pad(first + 2)}-${pad(lastDay(Number(m[1]), first + 2))}`];
  }
  if ((m = value.match(/^(\d{4})-H([12])$/))) return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
  if ((m = value.match(/^(\d{4})-W(\d{2})$/))) {
    const start = isoWeekStart(Number(m[1]), Number(m[2]));
    return [start, addDays(start, 6)];
  }
  if ((m = value.match(/^(\d{3})$/))) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  if ((m = value.match(/^(\d{2})$/))) return [`${m[1]}00-01-01`, `${m[1]}99-12-31`];
  return null;
}

/**
 * The TIMEX value of a closed day interval: the single unit it is (day, ISO week,
 * month, quarter, half, year), else a/b between the coarsest units both ends are
 * aligned to (years, then months, then days).
 */
export function intervalTimex([s, e]: Interval): string {
  const [ys, ms, ds] = s.split('-');
  const [ye, me, de] = e.split('-');
  const monthStart = ds === '01';
  const monthEnd = Number(de) === lastDay(Number(ye), Number(me));
  if (s === e) return s;
  if (ys === ye) {
    if (ms === me && monthStart && monthEnd) return `${ys}-${ms}`;
    for (const unit of [`${ys}-Q1`, `${ys}-Q2`, `${ys}-Q3`, `${ys}-Q4`, `${ys}-H1`, `${ys}-H2`, `${ys}`]) {
      const i = timexInterval(unit)!;
      if (i[0] === s && i[1] === e) return unit;
    }
  }
  if (addDays(s, 6) === e && new Date(`${s}T00:00:00Z`).getUTCDay() === 1) {
    const [wy, w] = isoWeekOf(s);
    return `${wy}-W${pad(w)}`;
  }
  if (ms === '01' && monthStart && me === '12' && monthEnd) return `${ys}/${ye}`;
  if (monthStart && monthEnd) return `${ys}-${ms}/${ye}-${me}`;
  return `${s}/${e}`;
}

/** Our date mods, and where an interval sits inside the unit a mod-bearing value names. */
const DATE_MODS = new Set(['START', 'MID', 'END']);

/**
 * How a predicted (value, mod) fits an expected interval:
 * - 'strict': no mod and the TIMEX strings are equal;
 * - 'interval': no mod and the value covers exactly the same days (2019-Q1 = 2019-01/2019-03);
 * - 'mod': mod START/MID/END, the expected days lie inside the value's days, touching
 *   its start (START), its end (END) or neither (MID): 年底 = 2021 END for 2021-11-01..12-31;
 * - false otherwise.
 */
export function judgeInterval(value: string | undefined, mod: string | undefined, expected: Interval): 'strict' | 'interval' | 'mod' | false {
  if (value === undefined) return false;
  const got = timexInterval(value);
  if (!mod) {
    if (value === intervalTimex(expected)) return 'strict';
    return got && got[0] === expected[0] && got[1] === expected[1] ? 'interval' : false;
  }
  if (!DATE_MODS.has(mod) || !got || expected[0] < got[0] || expected[1] > got[1]) return false;
  const atStart = expected[0] === got[0];
  const atEnd = expected[1] === got[1];
  if (atStart && atEnd) return false; // the whole unit: the mod is wrong
  if (mod === 'START') return atStart ? 'mod' : false;
  if (mod === 'END') return atEnd ? 'mod' : false;
  return !atStart && !atEnd ? 'mod' : false;
}
