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
  return forecastOfSums(forecastSums(checkins, offset, factor, window, now), window, level);
}

/**
 * The least-squares sums of `forecast` over the check-ins inside the window plus `(a, 0)`: they do not move with the clock once every check-in is in the past, so they can be
 * stored with the goal and the forecast computed from them alone (`forecastOfSums`).
 */
export interface ForecastSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  sxy: number;
  maxX: number;
}

/** The sums over the check-ins inside the window and not after `now`, in their order. */
export function forecastSums(
  checkins: readonly { at: Instant; value: number }[],
  offset: number,
  factor: number,
  window: Window,
  now: Instant = Number.POSITIVE_INFINITY,
): ForecastSums {
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
  return { n, sx, sy, sxx, sxy, maxX };
}

/** The forecast from its sums: needs 2 points spanning at least a day, else null. */
export function forecastOfSums(sums: ForecastSums, window: Window, level: number): Forecast | null {
  const { n, sx, sy, sxx, sxy, maxX } = sums;
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
