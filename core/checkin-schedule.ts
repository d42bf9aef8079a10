import { cadencePeriods } from './cycle';
import type { Cadence } from './settings';
import { addDays, type Instant, startOfWeek, type Window } from './time';

/**
 * When check-ins are due, and how well a set of goals kept to it (SPEC 3.9).
 */

/** A goal as the schedule sees it: its active window, cadence and check-in times (sorted). */
export interface ScheduledGoal {
  key: string;
  window: Window;
  cadence: Cadence;
  checkinTimes: readonly Instant[];
}

/** Whether any of the sorted `times` lies in `[start, end)`. */
function hasTimeIn(times: readonly Instant[], start: Instant, end: Instant): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && times[lo]! < end;
}

/**
 * The cadence period of the goal's window that contains `at`, and whether a check-in is due in it
 * (the goal has none in that period yet). `undefined` outside the window.
 *
 * @example
 * dueCheckin(goal, now, 'Europe/Berlin') // { period: {start, end}, isDue: true }
 */
export function dueCheckin(
  goal: ScheduledGoal,
  at: Instant,
  timeZone: string,
  /** The goal's cadence periods when the caller has them already (many goals share a window). */
  periods: readonly Window[] = cadencePeriods(goal.window, goal.cadence, timeZone),
): { period: Window; isDue: boolean } | undefined {
  if (at < goal.window.start || at >= goal.window.end) return undefined;
  const period = periods.find((p) => p.start <= at && at < p.end);
  if (!period) return undefined;
  return { period, isDue: !hasTimeIn(goal.checkinTimes, period.start, Math.min(period.end, at + 1)) };
}

/** Check-in compliance: (goal, period) pairs with a check-in over pairs due. */
export interface Compliance {
  withCheckin: number;
  due: number;
  /** `withCheckin / due`, or null when nothing was due. */
  rate: number | null;
}

/**
 * Compliance of goals over a range, as of `at`: every cadence period of each goal's window that
 * starts inside the range is due once it has ended, or earlier once it has a check-in (so an
 * open period does not count against anyone until it is over). A check-in counts when it lies in
 * the period and at or before `at`.
 */
export function compliance(
  goals: readonly ScheduledGoal[],
  range: Window,
  at: Instant,
  timeZone: string,
  /** Cadence periods by window and cadence, shared by calls over the same goals (the heatmap's weeks). */
  periodCache: Map<string, readonly Window[]> = new Map(),
): Compliance {
  let withCheckin = 0;
  let due = 0;
  for (const goal of goals) {
    const cacheKey = `${goal.window.start}:${goal.window.end}:${goal.cadence}`;
    let periods = periodCache.get(cacheKey);
    if (!periods) {
      periods = cadencePeriods(goal.window, goal.cadence, timeZone);
      periodCache.set(cacheKey, periods);
    }
    for (const period of periods) {
      if (period.start < range.start || period.start >= range.end || period.start > at) continue;
      const checked = hasTimeIn(goal.checkinTimes, period.start, Math.min(period.end, at + 1));
      if (checked || period.end <= at) {
        due++;
        if (checked) withCheckin++;
      }
    }
  }
  return { withCheckin, due, rate: due > 0 ? withCheckin / due : null };
}

/**
 * Calendar weeks covering a range, starting on the workspace's week start at local midnight:
 * the columns of the compliance heatmap (units by week).
 */
export function weeksOf(range: Window, weekStart: number, timeZone: string): Window[] {
  const weeks: Window[] = [];
  let start = startOfWeek(range.start, weekStart, timeZone);
  while (start < range.end) {
    const end = addDays(start, 7, timeZone);
    weeks.push({ start, end });
    start = end;
  }
  return weeks;
}

/**
 * The compliance heatmap: for each group of goals (a unit), the compliance per calendar week,
 * counting the periods that start in that week.
 */
export function complianceHeatmap(
  groups: ReadonlyMap<string, readonly ScheduledGoal[]>,
  range: Window,
  at: Instant,
  weekStart: number,
  timeZone: string,
): { weeks: Window[]; rows: { group: string; cells: Compliance[] }[] } {
  const weeks = weeksOf(range, weekStart, timeZone);
  // Periods are computed once per window and cadence for every week and group, not once per week.
  const periodCache = new Map<string, readonly Window[]>();
  const rows = [...groups].map(([group, goals]) => ({
    group,
    cells: weeks.map((week) => compliance(goals, week, at, timeZone, periodCache)),
  }));
  return { weeks, rows };
}

/**
 * How many of the goal's cadence periods that have ended by `at` went without a check-in, counting
 * back from the latest ended one and stopping at the first with a check-in (SPEC 6 escalation:
 * two missed periods in a row). A period cut short at the window's end counts like any other.
 *
 * @example
 * missedPeriods(goal, now, 'UTC') // 2: neither of the last two weeks had a check-in
 */
export function missedPeriods(
  goal: ScheduledGoal,
  at: Instant,
  timeZone: string,
  /** The goal's cadence periods when the caller has them already (many goals share a window). */
  periods: readonly Window[] = cadencePeriods(goal.window, goal.cadence, timeZone),
): number {
  let missed = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    const period = periods[i]!;
    if (period.end > at) continue;
    if (hasTimeIn(goal.checkinTimes, period.start, period.end)) break;
    missed++;
  }
  return missed;
}
