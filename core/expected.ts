import { clamp } from './measure';
import type { Instant, Window } from './time';

/** A point of an expected-progress plan: by `at`, progress should be `expected` (SPEC 3.4). */
export interface PlanPoint {
  at: Instant;
  expected: number;
}

/**
 * Share of the window elapsed at `t`: `f(t) = clamp((t - a) / (b - a), 0, 1)`. Time is measured in
 * absolute milliseconds, so a day across a DST change counts as its real 23 or 25 hours.
 */
export function elapsedShare(t: Instant, window: Window): number {
  const span = window.end - window.start;
  if (span <= 0) return t >= window.end ? 1 : 0;
  return clamp((t - window.start) / span, 0, 1);
}

/**
 * Expected progress `e(t)` (SPEC 3.4): `L * f(t)` by default, or with a plan the piecewise-linear
 * interpolation through `(a, 0)`, the plan points (sorted by date; points outside the window are
 * ignored) and `(b, L)`.
 *
 * @example
 * expectedProgress(mid, { start: a, end: b }, 0.7) // 0.35
 */
export function expectedProgress(
  t: Instant,
  window: Window,
  level: number,
  plan?: readonly PlanPoint[],
): number {
  if (!plan || plan.length === 0) return level * elapsedShare(t, window);
  if (t <= window.start) return 0;
  if (t >= window.end) return level;
  let prevAt = window.start;
  let prevExpected = 0;
  for (const point of plan) {
    if (point.at <= window.start || point.at >= window.end) continue;
    if (t <= point.at) return interpolate(t, prevAt, prevExpected, point.at, point.expected);
    prevAt = point.at;
    prevExpected = point.expected;
  }
  return interpolate(t, prevAt, prevExpected, window.end, level);
}

function interpolate(t: number, x0: number, y0: number, x1: number, y1: number): number {
  if (x1 === x0) return y1;
  return y0 + ((t - x0) / (x1 - x0)) * (y1 - y0);
}
