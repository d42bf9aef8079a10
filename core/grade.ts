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

/**
 * What close-out asks of a goal (SPEC 7), judged by its grade, which is what people see: a
 * root-cause `note` for a committed KR or SMART goal graded below 1.0 (red), a root-cause `tag`
 * for an aspirational KR graded below 0.7, else nothing. A goal without a score (nothing
 * measured) needs the same as a zero. Pass `committed` for SMART goals. The server's close check
 * and the close-out page both use it, so a score of 0.95 (grade 1.0, green) asks for nothing.
 *
 * @example
 * closeOutNeed(0.95, 'committed') // null
 * closeOutNeed(0.94, 'committed') // 'note'
 */
export function closeOutNeed(score: number | null, kind: ObjectiveKind): 'note' | 'tag' | null {
  const grade = score === null ? 0 : gradeOf(score);
  if (kind === 'committed') return grade < 1 - 1e-9 ? 'note' : null;
  return grade < 0.7 - 1e-9 ? 'tag' : null;
}
