import type { Instant, Window } from './time';

/**
 * Calibration (SPEC 3.8), computed per unit (and privately per person) over the goals of the last
 * N closed cycles. These functions take the closed goals already selected; `lastClosedCycles`
 * does the selection.
 */

/** Default number of closed cycles calibration looks back over. */
export const CALIBRATION_CYCLES = 4;

export type AmbitionBand = 'overreaching' | 'ambitious' | 'calibrated' | 'too_safe';

export interface AmbitionIndex {
  /** Mean grade of aspirational KRs, or null with fewer than 3. */
  value: number | null;
  band: AmbitionBand | null;
  count: number;
}

/**
 * Ambition index: mean grade of aspirational KRs (needs at least 3). Below 0.4 overreaching,
 * 0.4 to below 0.6 ambitious, 0.6 to 0.8 calibrated, above 0.8 too safe.
 *
 * @example
 * ambitionIndex([0.7, 0.6, 0.8]).band // 'calibrated'
 */
export function ambitionIndex(aspirationalGrades: readonly number[]): AmbitionIndex {
  const count = aspirationalGrades.length;
  if (count < 3) return { value: null, band: null, count };
  const value = aspirationalGrades.reduce((sum, g) => sum + g, 0) / count;
  const eps = 1e-9;
  const band: AmbitionBand =
    value < 0.4 - eps
      ? 'overreaching'
      : value < 0.6 - eps
        ? 'ambitious'
        : value <= 0.8 + eps
          ? 'calibrated'
          : 'too_safe';
  return { value, band, count };
}

/** Commitment reliability: the share of committed KRs and SMART goals that scored 1.0 (null with none). */
export function commitmentReliability(committedScores: readonly number[]): {
  value: number | null;
  count: number;
} {
  const count = committedScores.length;
  if (count === 0) return { value: null, count };
  const met = committedScores.filter((s) => s >= 1 - 1e-9).length;
  return { value: met / count, count };
}

/** One goal's confidence forecast and its outcome, for the Brier score. */
export interface ConfidenceOutcome {
  /** Confidence 0-10 from the last check-in before 75% of the window had elapsed. */
  confidence: number;
  /** Whether the grade reached the success level `L`. */
  reached: boolean;
}

/**
 * Confidence calibration: the Brier score of `confidence / 10` as a probability against the outcome
 * (1 when the grade reached `L`). Lower is better; 0 is perfect, 0.25 is a coin toss.
 */
export function brierScore(outcomes: readonly ConfidenceOutcome[]): { value: number | null; count: number } {
  const count = outcomes.length;
  if (count === 0) return { value: null, count };
  let sum = 0;
  for (const { confidence, reached } of outcomes) {
    const diff = confidence / 10 - (reached ? 1 : 0);
    sum += diff * diff;
  }
  return { value: sum / count, count };
}

/**
 * The confidence that counts for calibration: from the last check-in (with a confidence) strictly
 * before 75% of the window had elapsed. `checkins` sorted by time.
 */
export function confidenceAtThreeQuarters(
  checkins: readonly { at: Instant; confidence?: number | undefined }[],
  window: Window,
): number | undefined {
  const cutoff = window.start + 0.75 * (window.end - window.start);
  let found: number | undefined;
  for (const checkin of checkins) {
    if (checkin.at >= cutoff) break;
    if (checkin.confidence !== undefined) found = checkin.confidence;
  }
  return found;
}

/** The last `n` closed cycles (by end, most recent first). */
export function lastClosedCycles<T extends { state: string; window: Window }>(
  cycles: readonly T[],
  n: number = CALIBRATION_CYCLES,
): T[] {
  return cycles
    .filter((c) => c.state === 'closed')
    .sort((x, y) => y.window.end - x.window.end)
    .slice(0, n);
}
