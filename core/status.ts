import { nearlyEqual } from './numbers';
import type { StatusThresholds } from './settings';
import type { Instant, Window } from './time';

/**
 * Statuses (SPEC 3.5). The first five are the live statuses of the spec; `overdue` is for SMART
 * goals past due; `missed` and `dropped` report a goal its owner closed that way.
 */
export const STATUSES = [
  'not_started',
  'on_track',
  'at_risk',
  'off_track',
  'stale',
  'achieved',
  'overdue',
  'missed',
  'dropped',
] as const;
export type Status = (typeof STATUSES)[number];

/** Flags reported beside a status (SPEC 3.5). `draft` marks a goal without a complete measure. */
export const FLAGS = [
  'needs_attention',
  'reported_vs_data',
  'overachieved',
  'edited_after_close',
  'draft',
] as const;
export type Flag = (typeof FLAGS)[number];

/** How good a status is, for "more progress never gives a worse status" and sorting. */
export const STATUS_RANK: Record<Status, number> = {
  dropped: -1,
  missed: 0,
  overdue: 0,
  stale: 0,
  off_track: 1,
  at_risk: 2,
  not_started: 3,
  on_track: 3,
  achieved: 4,
};

export interface ProgressStatusInput {
  t: Instant;
  window: Window;
  /** Raw progress. */
  p: number;
  /** Expected progress `e(t)`. */
  expected: number;
  /** Success level `L`. */
  level: number;
  /** Whether the stale rule applies (computed by the caller from the latest check-in or children). */
  isStale: boolean;
  /** SMART goals: an open goal below 1.0 whose window has ended is overdue. */
  canBeOverdue: boolean;
  thresholds: StatusThresholds;
}

/**
 * Status of a goal measured by progress (SPEC 3.5, rules in order; the first that applies wins):
 * not started, achieved (overdue for SMART goals past due), stale, too early to tell, then the
 * ratio `r = p / e(t)` against the thresholds.
 *
 * @example
 * progressStatus({ t, window, p: 0.3, expected: 0.35, level: 0.7, isStale: false, canBeOverdue: false, thresholds })
 * // 'on_track' (r = 0.857... is at_risk with the defaults: 0.6 <= r < 0.9)
 */
export function progressStatus(input: ProgressStatusInput): Status {
  const { t, window, p, expected, level, thresholds } = input;
  if (t < window.start) return 'not_started';
  if (p >= 1 || nearlyEqual(p, 1)) return 'achieved';
  if (input.canBeOverdue && t >= window.end) return 'overdue';
  if (input.isStale) return 'stale';
  if (expected < thresholds.tooEarlyShare * level) return 'on_track';
  const r = p / expected;
  if (r >= thresholds.onTrack) return 'on_track';
  if (r >= thresholds.atRisk) return 'at_risk';
  return 'off_track';
}

export interface MaintainStatusInput {
  t: Instant;
  window: Window;
  /** Whether the latest value meets the bound; `undefined` with no check-in yet. */
  latestMeets: boolean | undefined;
  isStale: boolean;
  /** SMART goals: past the window with progress below 1.0. */
  isOverdue: boolean;
}

/**
 * Status of a maintain-type measure (SPEC 3.3 and 3.5): not started before the window, overdue
 * (SMART goals), stale, then on track while the latest value meets the bound (also before any
 * check-in), else off track.
 */
export function maintainStatus(input: MaintainStatusInput): Status {
  if (input.t < input.window.start) return 'not_started';
  if (input.isOverdue) return 'overdue';
  if (input.isStale) return 'stale';
  return input.latestMeets === false ? 'off_track' : 'on_track';
}

export interface ReportedVsDataInput {
  status: Status;
  /** The latest confidence reported, if any. */
  confidence: number | undefined;
  /** Whether the last 3 check-ins carry the same value (see `isFlatForThree`). */
  isFlat: boolean;
  /** Whether the flat-value rule applies (not for maintain types, where flat is the point). */
  isProgressMeasure: boolean;
}

/**
 * The reported-vs-data conflict (SPEC 3.5): confidence >= 7 while off track, <= 3 while on track,
 * or the last 3 check-ins carry the same value while the owner still reports >= 7. The flat-value
 * case is not raised for maintain types or for achieved goals, whose values rightly stay put.
 */
export function hasReportedVsDataConflict(input: ReportedVsDataInput): boolean {
  const { status, confidence } = input;
  if (confidence === undefined) return false;
  if (confidence >= 7 && status === 'off_track') return true;
  if (confidence <= 3 && status === 'on_track') return true;
  return confidence >= 7 && input.isProgressMeasure && status !== 'achieved' && input.isFlat;
}

/** Whether the check-ins up to index `last` end with three carrying the same value. */
export function isFlatForThree(checkins: readonly { value: number }[], last: number): boolean {
  if (last < 2) return false;
  const v = checkins[last]!.value;
  return nearlyEqual(checkins[last - 1]!.value, v) && nearlyEqual(checkins[last - 2]!.value, v);
}
