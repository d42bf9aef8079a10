import { clamp, nearlyEqual } from './measure';
import { DAY_MS, type Instant, type Window } from './time';

/** Where a goal is heading by its window end (SPEC 3.6). */
export interface Forecast {
  /** Projected raw progress at the window end, `p_hat(b)`. */
  progress: number;
  /** Projected score, `clamp(p_hat(b), 0, 1)`. */
  score: number;
  /** Whether the projected progress reaches the success level `L`. */
  reachesTarget: boolean;
}

/**
 * Least-squares forecast (SPEC 3.6) over the points `(t, p)` of the check-ins inside the window
 * (from its start, up to but not including its end) plus `(a, 0)`. Check-ins after `now` are
 * ignored. Needs at least 2 points spanning at least one day; otherwise `null`. A check-in's raw
 * progress is `(value - offset) * factor`: every measure with a forecast is linear in its value
 * (`increase` and `decrease`: offset start, factor 1 / (target - start); milestones and boolean
 * values are progress already: 0 and 1).
 *
 * @example
 * forecast([{ at: a + 7 * DAY_MS, value: 0.1 }], 0, 1, window, 0.7, now)
 * // the straight line through (a, 0) and (a + 7 days, 0.1), extended to the window end
 */
export function forecast(
  checkins: readonly { at: Instant; value: number }[],
  offset: number,
  factor: number,
  window: Window,
  level: number,
  now: Instant,
): Forecast | null {
  // Sums over x in days since the window start; (a, 0) contributes n = 1 and nothing else.
  let n = 1;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let maxX = 0;
  for (const checkin of checkins) {
    const at = checkin.at;
    if (at < window.start || at >= window.end || at > now) continue;
    const x = (at - window.start) / DAY_MS;
    const y = (checkin.value - offset) * factor;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    if (x > maxX) maxX = x;
  }
  if (n < 2 || maxX < 1) return null;
  const denominator = n * sxx - sx * sx;
  if (denominator <= 0) return null;
  const slope = (n * sxy - sx * sy) / denominator;
  const intercept = (sy - slope * sx) / n;
  const progress = intercept + slope * ((window.end - window.start) / DAY_MS);
  return {
    progress,
    score: clamp(progress, 0, 1),
    reachesTarget: progress >= level || nearlyEqual(progress, level),
  };
}
