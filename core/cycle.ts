import type { Cadence } from './settings';
import { addDays, addMonths, calendarParts, type Instant, type Window, zonedDayStart } from './time';

/**
 * Cycles and cadence (SPEC 3.9): quarters and years from a fiscal-year start month, their names,
 * and the cadence periods check-ins are due in.
 */

/** A cycle's calendar extent: first and last day (inclusive), as `YYYY-MM-DD`. */
export interface CycleDates {
  name: string;
  kind: 'quarter' | 'year';
  /** First day of the cycle. */
  startDate: string;
  /** Last day of the cycle (inclusive). */
  endDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Last day of a month (month 1-12). */
function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds `months` to a (year, month 1-12) pair. */
function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The fiscal year containing a calendar month, named by the calendar year in which it ends.
 * With a January start the fiscal year is the calendar year.
 */
export function fiscalYearOf(year: number, month: number, fiscalYearStartMonth: number): number {
  if (fiscalYearStartMonth === 1) return year;
  return month >= fiscalYearStartMonth ? year + 1 : year;
}

/** Quarter name: `2026-Q4` for calendar years, `FY2027-Q1` otherwise. */
export function quarterName(fiscalYear: number, quarter: number, fiscalYearStartMonth: number): string {
  return fiscalYearStartMonth === 1 ? `${fiscalYear}-Q${quarter}` : `FY${fiscalYear}-Q${quarter}`;
}

/** Year-cycle name: `2026` for calendar years, `FY2027` otherwise. */
export function yearName(fiscalYear: number, fiscalYearStartMonth: number): string {
  return fiscalYearStartMonth === 1 ? `${fiscalYear}` : `FY${fiscalYear}`;
}

function assertStartMonth(fiscalYearStartMonth: number): void {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new RangeError(`fiscal-year start month must be 1-12, got ${fiscalYearStartMonth}`);
  }
}

/** Dates of quarter `quarter` (1-4) of fiscal year `fiscalYear`. */
export function quarterDates(fiscalYear: number, quarter: number, fiscalYearStartMonth: number): CycleDates {
  assertStartMonth(fiscalYearStartMonth);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter must be 1-4`);
  const firstYear = fiscalYearStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  const start = shiftMonth(firstYear, fiscalYearStartMonth, (quarter - 1) * 3);
  const last = shiftMonth(start.year, start.month, 2);
  return {
    name: quarterName(fiscalYear, quarter, fiscalYearStartMonth),
    kind: 'quarter',
    startDate: `${start.year}-${pad(start.month)}-01`,
    endDate: `${last.year}-${pad(last.month)}-${pad(lastDayOfMonth(last.year, last.month))}`,
  };
}

/** Dates of fiscal year `fiscalYear` as a year cycle. */
export function yearDates(fiscalYear: number, fiscalYearStartMonth: number): CycleDates {
  const first = quarterDates(fiscalYear, 1, fiscalYearStartMonth);
  const last = quarterDates(fiscalYear, 4, fiscalYearStartMonth);
  return {
    name: yearName(fiscalYear, fiscalYearStartMonth),
    kind: 'year',
    startDate: first.startDate,
    endDate: last.endDate,
  };
}

/**
 * The quarter containing a calendar date (`YYYY-MM-DD` parts).
 *
 * @example
 * quarterContaining(2026, 4, 1, 4).name // 'FY2027-Q1'
 */
export function quarterContaining(year: number, month: number, fiscalYearStartMonth: number): CycleDates {
  assertStartMonth(fiscalYearStartMonth);
  const fiscalYear = fiscalYearOf(year, month, fiscalYearStartMonth);
  const monthsIn = (month - fiscalYearStartMonth + 12) % 12;
  return quarterDates(fiscalYear, Math.floor(monthsIn / 3) + 1, fiscalYearStartMonth);
}

/** The quarter containing an instant, in a timezone. */
export function quarterAt(at: Instant, fiscalYearStartMonth: number, timeZone: string): CycleDates {
  const { year, month } = calendarParts(at, timeZone);
  return quarterContaining(year, month, fiscalYearStartMonth);
}

const QUARTER_NAME = /^(FY)?(\d{4})-Q([1-4])$/i;
const YEAR_NAME = /^(FY)?(\d{4})$/i;

/**
 * Reads a cycle name (`2026-Q4`, `FY2027-Q1`, `2026`, `FY2027`) against a fiscal-year start.
 * A name of the wrong style for the start month (`FY...` with a January start, or a bare
 * year-quarter with another start) is rejected with the reason, since it would be ambiguous.
 */
export function parseCycleName(
  name: string,
  fiscalYearStartMonth: number,
): { ok: true; cycle: CycleDates } | { ok: false; message: string } {
  assertStartMonth(fiscalYearStartMonth);
  const quarter = QUARTER_NAME.exec(name.trim());
  const year = quarter ? undefined : YEAR_NAME.exec(name.trim());
  const match = quarter ?? year;
  if (!match) {
    return { ok: false, message: `"${name}" is not a cycle name like 2026-Q4, FY2027-Q1, 2026 or FY2027` };
  }
  const isFiscal = match[1] !== undefined;
  if (isFiscal && fiscalYearStartMonth === 1) {
    return {
      ok: false,
      message: `"${name}" names a fiscal year, but the fiscal year starts in January: use ${name.slice(2)}`,
    };
  }
  if (!isFiscal && fiscalYearStartMonth !== 1) {
    return {
      ok: false,
      message: `"${name}" names a calendar year, but the fiscal year starts in month ${fiscalYearStartMonth}: use FY${name}`,
    };
  }
  const fiscalYear = Number(match[2]);
  const cycle = quarter
    ? quarterDates(fiscalYear, Number(match[3]), fiscalYearStartMonth)
    : yearDates(fiscalYear, fiscalYearStartMonth);
  return { ok: true, cycle };
}

/** Length of one cadence period in whole days, or months for `monthly`. */
export const CADENCE_STEP: Record<Cadence, { days?: number; months?: number }> = {
  weekly: { days: 7 },
  biweekly: { days: 14 },
  monthly: { months: 1 },
};

/** Moves `at` by `count` cadence periods in a timezone (negative goes back). */
export function addCadence(at: Instant, cadence: Cadence, count: number, timeZone: string): Instant {
  const step = CADENCE_STEP[cadence];
  return step.months !== undefined
    ? addMonths(at, step.months * count, timeZone)
    : addDays(at, (step.days ?? 7) * count, timeZone);
}

/** Periods already worked out, by zone, cadence and window (bounded; emptied when full). */
const knownPeriods = new Map<string, readonly Window[]>();
const KNOWN_PERIODS_MAX = 10_000;

/**
 * Cadence periods of a window: consecutive 7 days (weekly), 14 days (biweekly) or calendar months
 * (monthly) from the window start, each `[start, end)`; the last may be shorter (SPEC 3.3).
 * Remembered: the goals of a cycle share a few windows, and each period's end is a zone lookup,
 * so the list is shared (read-only) by every caller asking for the same window, cadence and zone.
 */
export function cadencePeriods(window: Window, cadence: Cadence, timeZone: string): readonly Window[] {
  const key = `${timeZone}|${cadence}|${window.start}|${window.end}`;
  const known = knownPeriods.get(key);
  if (known) return known;
  const periods = periodsOf(window, cadence, timeZone);
  if (knownPeriods.size >= KNOWN_PERIODS_MAX) knownPeriods.clear();
  knownPeriods.set(key, periods);
  return periods;
}

function periodsOf(window: Window, cadence: Cadence, timeZone: string): Window[] {
  const periods: Window[] = [];
  let start = window.start;
  for (let i = 1; start < window.end; i++) {
    const next = addCadence(window.start, cadence, i, timeZone);
    periods.push({ start, end: Math.min(next, window.end) });
    start = next;
  }
  return periods;
}

/** The window of a cycle's dates in a timezone: the start of its first day to the start of the day after its last. */
export function cycleWindow(cycle: Pick<CycleDates, 'startDate' | 'endDate'>, timeZone: string): Window {
  const [sy, sm, sd] = cycle.startDate.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = cycle.endDate.split('-').map(Number) as [number, number, number];
  return {
    start: zonedDayStart(sy, sm, sd, timeZone),
    end: addDays(zonedDayStart(ey, em, ed, timeZone), 1, timeZone),
  };
}
