/** A calendar date written the German way (or ISO), with its position in the text. */
export interface DateMatch {
  start: number;
  end: number;
  /** Only a year ("Jahrgang 1996"): counts only right after a birth cue. */
  yearOnly: boolean;
  /** Day, month and year ("12.03.1998", "3. März 1990", "1999-10-05"), not "3.4." or "Mai". */
  fullDate: boolean;
}

const MONTHS =
  "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Okt\\.|Nov\\.|Dez\\.";

const DATE = new RegExp(
  [
    // 12.03.1998, 1.1.90, 3.4. (year optional: "Termin am 3.4.")
    String.raw`(?<day>\d{1,2})\. ?(?<month>\d{1,2})\.(?:(?:\d{4}|\d{2}| \d{4})(?![\d:]))?`,
    // 23. Mai 2001, 8. Aug. 2004
    String.raw`(?<tday>\d{1,2})\. ?(?:${MONTHS})(?: \d{4})?`,
    // 1999-10-05
    String.raw`(?:19|20)\d{2}-(?<imonth>[01]\d)-(?<iday>[0-3]\d)`,
    // 12/03/1998
    String.raw`(?<sday>\d{1,2})/(?<smonth>\d{1,2})/(?:\d{4}|\d{2})(?![\d/])`,
    // a bare year, filtered by the caller
    String.raw`(?<year>(?:19|20)\d{2})(?![\d\-/]|\.\d)`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join("|"),
  "g",
);

const inRange = (value: string | undefined, max: number) =>
  value === undefined || (Number(value) >= 1 && Number(value) <= max);

export function findDates(source: string): DateMatch[] {
  const dates: DateMatch[] = [];
  for (const match of source.matchAll(DATE)) {
    const start = match.index;
    // Not the tail of a longer number or code (45.12-0815/2024, RT-2026-0007, 1.200.000).
    if (start > 0 && /[\d.,/\p{L}-]/u.test(source[start - 1] ?? "")) continue;
    const groups = match.groups ?? {};
    const day = groups.day ?? groups.tday ?? groups.iday ?? groups.sday;
    const month = groups.month ?? groups.imonth ?? groups.smonth;
    if (!inRange(day, 31) || !inRange(month, 12)) continue;
    const end = start + match[0].length;
    const yearOnly = groups.year !== undefined;
    const fullDate = !yearOnly && /\d{2}$/.test(match[0]);
    dates.push({ start, end, yearOnly, fullDate });
  }
  return dates;
}
