import type { ObjectiveKind } from './settings';

/** Colour bands of a grade at close (SPEC 3.7). */
export type GradeBand = 'red' | 'yellow' | 'green';

export interface GradeVerdict {
  grade: number;
  band: GradeBand;
  /** `missed`, `progress` or `success` for aspirational goals; `met` or `missed` for committed ones. */
  label: 'missed' | 'progress' | 'success' | 'met';
  /** An aspirational 1.0: the target may have been too safe. */
  mayBeTooSafe: boolean;
}

/**
 * Grade = score rounded to one decimal, half up (SPEC 3.7). A tiny epsilon absorbs float noise,
 * so a score computed as 0.6499999999999999 for an exact 0.65 still grades 0.7.
 *
 * @example
 * gradeOf(0.65) // 0.7
 */
export function gradeOf(score: number): number {
  return Math.floor(score * 10 + 0.5 + 1e-9) / 10;
}

/**
 * The band of a grade. Aspirational: <= 0.3 red, 0.4 to 0.6 yellow, >= 0.7 green, with a
 * too-safe hint at 1.0. Committed KRs and SMART goals (pass `committed`): 1.0 green, else red.
 */
export function gradeBand(grade: number, kind: ObjectiveKind): GradeVerdict {
  if (kind === 'committed') {
    const met = grade >= 1;
    return { grade, band: met ? 'green' : 'red', label: met ? 'met' : 'missed', mayBeTooSafe: false };
  }
  if (grade >= 0.7 - 1e-9) return { grade, band: 'green', label: 'success', mayBeTooSafe: grade >= 1 };
  if (grade >= 0.4 - 1e-9) return { grade, band: 'yellow', label: 'progress', mayBeTooSafe: false };
  return { grade, band: 'red', label: 'missed', mayBeTooSafe: false };
}
