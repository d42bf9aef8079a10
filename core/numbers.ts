/** Relative tolerance when comparing a value with a target, so float noise never turns a hit into a miss. */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * Whether two numbers are equal within `RELATIVE_TOLERANCE` (relative to the larger magnitude,
 * absolute near zero). Kept apart from measure.ts so code that needs only this (status) does not
 * load the measure schemas (zod) into the browser's first load.
 */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}
