import { type MaintainMeasure, meetsBound } from './measure';
import type { Instant, Window } from './time';

/** Met and elapsed periods of a maintain-type measure (SPEC 3.3). */
export interface MaintainTally {
  /** Periods whose last check-in meets the bound. */
  met: number;
  /** Periods that have ended, plus the current one once it has a check-in. */
  elapsed: number;
  /** All periods of the window. */
  total: number;
}

/**
 * Counts met periods. A period is met when the last check-in inside it meets the bound; a period
 * with no check-in is not met. Only check-ins at or before `t` count. `checkins` must be
 * sorted by time (ties in order of entry).
 */
export function tallyPeriods(
  measure: MaintainMeasure,
  checkins: readonly { at: Instant; value: number }[],
  periods: readonly Window[],
  t: Instant,
): MaintainTally {
  let met = 0;
  let elapsed = 0;
  let i = 0;
  for (const period of periods) {
    if (period.start > t) break;
    let last = -1;
    while (i < checkins.length && checkins[i]!.at < period.end) {
      const at = checkins[i]!.at;
      if (at >= period.start && at <= t) last = i;
      i++;
    }
    const hasEnded = period.end <= t;
    if (last >= 0 || hasEnded) elapsed++;
    if (last >= 0 && meetsBound(measure, checkins[last]!.value)) met++;
  }
  return { met, elapsed, total: periods.length };
}

/**
 * Raw progress of a maintain-type measure: met / elapsed periods while the window is open
 * (0 with no elapsed period), met / all periods once it has ended (the score at close).
 */
export function maintainProgress(tally: MaintainTally, hasWindowEnded: boolean): number {
  if (hasWindowEnded) return tally.total > 0 ? tally.met / tally.total : 0;
  return tally.elapsed > 0 ? tally.met / tally.elapsed : 0;
}
