import { TZDate } from '@date-fns/tz';
import { addDays as addDaysTz, addMonths as addMonthsTz, startOfDay as startOfDayTz } from 'date-fns';

/**
 * A moment in time as milliseconds since the Unix epoch. Core works on plain numbers so the hot
 * paths (100,000 KRs at a time) never allocate dates; calendar arithmetic goes through the
 * workspace timezone with the helpers below.
 */
export type Instant = number;

/** Milliseconds in a (24-hour) day. */
export const DAY_MS = 86_400_000;

/**
 * Zones that are UTC all year: their calendar is the Date object's UTC calendar, read without the
 * `Intl` offset lookup every TZDate makes (a cost seen in exports and dashboards). The results are
 * those of TZDate to the digit (core/time.test.ts compares both over random instants).
 */
const UTC_ZONES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/GMT',
  'GMT',
  'Etc/Universal',
  'Etc/Zulu',
  'Universal',
  'Zulu',
]);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const ZONED_DATETIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const knownTimeZones = new Map<string, boolean>();

/** Whether `timeZone` is an IANA time zone this runtime knows (remembered: settings are parsed often). */
export function isValidTimeZone(timeZone: string): boolean {
  let isValid = knownTimeZones.get(timeZone);
  if (isValid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      isValid = true;
    } catch {
      isValid = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(timeZone, isValid);
  }
  return isValid;
}

/** Whether `year-month-day` is a real calendar date. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * The start of a calendar day in a timezone.
 *
 * @example
 * zonedDayStart(2026, 10, 1, 'Europe/Berlin') // 2026-09-30T22:00:00Z
 */
export function zonedDayStart(year: number, month: number, day: number, timeZone: string): Instant {
  return +new TZDate(year, month - 1, day, timeZone);
}

/**
 * Parses a date (`2026-10-01`: the start of that day in `timeZone`), a local date-time
 * (`2026-10-01T09:30`, in `timeZone`) or a date-time with an offset (`...Z`, `...+02:00`).
 * Returns `undefined` when the text is none of these or names an impossible date.
 *
 * @example
 * parseMoment('2026-10-01', 'UTC') // Date.UTC(2026, 9, 1)
 */
export function parseMoment(text: string, timeZone: string): Instant | undefined {
  const trimmed = text.trim();
  const date = DATE_RE.exec(trimmed);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return isCalendarDate(y, m, d) ? zonedDayStart(y, m, d, timeZone) : undefined;
  }
  const local = LOCAL_DATETIME_RE.exec(trimmed);
  if (local) {
    const [y, m, d] = [Number(local[1]), Number(local[2]), Number(local[3])];
    const [hh, mm, ss, ms] = [
      Number(local[4]),
      Number(local[5]),
      Number(local[6] ?? 0),
      Number(local[7] ?? 0),
    ];
    if (!isCalendarDate(y, m, d) || hh > 23 || mm > 59 || ss > 59) return undefined;
    return +new TZDate(y, m - 1, d, hh, mm, ss, ms, timeZone);
  }
  if (ZONED_DATETIME_RE.test(trimmed)) {
    const value = Date.parse(trimmed);
    return Number.isNaN(value) ? undefined : value;
  }
  return undefined;
}

/** Whether the text is a plain calendar date `YYYY-MM-DD` that exists. */
export function isDateText(text: string): boolean {
  const date = DATE_RE.exec(text);
  return date !== null && isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]));
}

/** Adds calendar days in a timezone (a day across a DST change is 23 or 25 hours). */
export function addDays(at: Instant, days: number, timeZone: string): Instant {
  return +addDaysTz(new TZDate(at, timeZone), days);
}

/** Adds calendar months in a timezone; the 31st plus one month is the last day of the next month. */
export function addMonths(at: Instant, months: number, timeZone: string): Instant {
  return +addMonthsTz(new TZDate(at, timeZone), months);
}

/** The start of the day containing `at`, in a timezone. */
export function startOfDay(at: Instant, timeZone: string): Instant {
  return +startOfDayTz(new TZDate(at, timeZone));
}

/** The calendar date (`YYYY-MM-DD`) of `at` in a timezone. */
export function formatDate(at: Instant, timeZone: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (UTC_ZONES.has(timeZone)) {
    const u = new Date(at);
    return `${u.getUTCFullYear()}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}`;
  }
  const d = new TZDate(at, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Year, month (1-12) and day of `at` in a timezone. */
export function calendarParts(at: Instant, timeZone: string): { year: number; month: number; day: number } {
  if (UTC_ZONES.has(timeZone)) {
    const u = new Date(at);
    return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
  }
  const d = new TZDate(at, timeZone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Day of the week of `at` in a timezone: 0 Sunday to 6 Saturday. */
export function weekday(at: Instant, timeZone: string): number {
  if (UTC_ZONES.has(timeZone)) return new Date(at).getUTCDay();
  return new TZDate(at, timeZone).getDay();
}

/**
 * The start of the week containing `at`, where weeks begin on `weekStart` (0 Sunday, 1 Monday...)
 * at midnight in the timezone.
 */
export function startOfWeek(at: Instant, weekStart: number, timeZone: string): Instant {
  const dayStart = startOfDay(at, timeZone);
  const back = (weekday(dayStart, timeZone) - weekStart + 7) % 7;
  return addDays(dayStart, -back, timeZone);
}

/**
 * A window from date A to date B, inclusive of both days: it runs from the start of A to the
 * start of the day after B (SPEC 3.4).
 */
export function dateWindow(startDate: string, endDate: string, timeZone: string): Window {
  const key = `${timeZone}|${startDate}|${endDate}`;
  const known = knownWindows.get(key);
  if (known) return { start: known.start, end: known.end };
  const window = computeDateWindow(startDate, endDate, timeZone);
  if (knownWindows.size >= KNOWN_WINDOWS_MAX) knownWindows.clear();
  knownWindows.set(key, window);
  return { start: window.start, end: window.end };
}

/** Date ranges already turned into windows, by zone and dates (bounded; emptied when full). */
const knownWindows = new Map<string, Window>();
const KNOWN_WINDOWS_MAX = 10_000;

function computeDateWindow(startDate: string, endDate: string, timeZone: string): Window {
  const start = isDateText(startDate) ? dayBounds(startDate, timeZone) : undefined;
  const end = isDateText(endDate) ? dayBounds(endDate, timeZone) : undefined;
  if (start === undefined || end === undefined) {
    throw new RangeError(`not a date range: ${startDate} to ${endDate}`);
  }
  return { start: start.start, end: end.next };
}

/**
 * A day's start in a zone and the start of the day after (`parseMoment` of the date, and one day
 * added to it), remembered by zone and date: windows of many goals (a cycle's 20,000 SMART goals,
 * each with its own start and due date) share few days, and the zone arithmetic was most of
 * making them. Undefined for a date `parseMoment` does not read.
 */
function dayBounds(date: string, timeZone: string): { start: Instant; next: Instant } | undefined {
  const key = `${timeZone}|${date}`;
  let bounds = knownDays.get(key);
  if (bounds === undefined) {
    const start = parseMoment(date, timeZone);
    if (start === undefined) return undefined;
    bounds = { start, next: addDays(start, 1, timeZone) };
    if (knownDays.size >= KNOWN_WINDOWS_MAX) knownDays.clear();
    knownDays.set(key, bounds);
  }
  return bounds;
}

const knownDays = new Map<string, { start: Instant; next: Instant }>();

/** A half-open time window `[start, end)`. */
export interface Window {
  start: Instant;
  end: Instant;
}
