/**
 * Calendar dates as a communiqué prints them. Dates are ISO strings (YYYY-MM-DD) with no
 * time zone: a signing date is a day on the calendar, not an instant.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const RU_MONTHS_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
] as const;

export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${iso}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC rolls "2019-02-30" over into March; a round trip exposes that.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new RangeError(`No such calendar date: "${iso}"`);
  }
  return { year, month, day };
}

function ruMonth(month: number): string {
  const name = RU_MONTHS_GENITIVE[month - 1];
  if (name === undefined) throw new RangeError(`No such month: ${month}`);
  return name;
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function parseRange(startIso: string, endIso: string): [CalendarDate, CalendarDate] {
  const start = parseIsoDate(startIso);
  const end = parseIsoDate(endIso);
  if (compare(start, end) > 0) {
    throw new RangeError(`Date range ends before it starts: ${startIso} – ${endIso}`);
  }
  return [start, end];
}

/**
 * "24 августа 2019 года" (the signing line) or, with `yearStyle: "short"`,
 * "24 августа 2019 г." (running text, as in the preamble).
 */
export function formatDateRu(iso: string, yearStyle: "long" | "short" = "long"): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${ruMonth(month)} ${year} ${yearStyle === "long" ? "года" : "г."}`;
}

/** "2019年8月24日" */
export function formatDateJa(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/**
 * The span of a meeting in running Russian text, saying each part only once:
 * "с 20 по 25 августа 2019 г.", "с 30 августа по 2 сентября 2019 г.",
 * "с 30 декабря 2019 г. по 2 января 2020 г."; a single day is just "20 августа 2019 г.".
 */
export function formatDateRangeRu(startIso: string, endIso: string): string {
  const [start, end] = parseRange(startIso, endIso);
  const endText = `${end.day} ${ruMonth(end.month)} ${end.year} г.`;
  if (compare(start, end) === 0) return endText;
  if (start.year !== end.year) {
    return `с ${start.day} ${ruMonth(start.month)} ${start.year} г. по ${endText}`;
  }
  if (start.month !== end.month) return `с ${start.day} ${ruMonth(start.month)} по ${endText}`;
  return `с ${start.day} по ${endText}`;
}

/**
 * The same span in Japanese: "2019年8月20日から25日まで", "2019年8月30日から9月2日まで",
 * "2019年12月30日から2020年1月2日まで"; a single day is just "2019年8月20日".
 */
export function formatDateRangeJa(startIso: string, endIso: string): string {
  const [start, end] = parseRange(startIso, endIso);
  const startText = `${start.year}年${start.month}月${start.day}日`;
  if (compare(start, end) === 0) return startText;
  let endText: string;
  if (start.year !== end.year) endText = `${end.year}年${end.month}月${end.day}日`;
  else if (start.month !== end.month) endText = `${end.month}月${end.day}日`;
  else endText = `${end.day}日`;
  return `${startText}から${endText}まで`;
}
