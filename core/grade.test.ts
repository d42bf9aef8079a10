import { describe, expect, it } from 'vitest';
import { closeOutNeed, gradeBand, gradeOf } from './grade';

describe('grades at close (SPEC 3.7)', () => {
  it.each([
    [0, 0],
    [0.04, 0],
    [0.05, 0.1],
    [0.34, 0.3],
    [0.35, 0.4],
    [0.649999, 0.6],
    [0.65, 0.7],
    [0.6499999999999999, 0.7], // 0.65 computed with float noise still rounds half up
    [0.95, 1],
    [1, 1],
    [(55 - 45) / (65 - 45), 0.5],
  ])('score %d grades %d (one decimal, half up)', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  it.each([
    [0, 'red', 'missed'],
    [0.3, 'red', 'missed'],
    [0.4, 'yellow', 'progress'],
    [0.6, 'yellow', 'progress'],
    [0.7, 'green', 'success'],
    [1, 'green', 'success'],
  ] as const)('aspirational %d is %s (%s)', (grade, band, label) => {
    expect(gradeBand(grade, 'aspirational')).toMatchObject({ band, label });
  });

  it('hints that an aspirational 1.0 may have been too safe', () => {
    expect(gradeBand(1, 'aspirational').mayBeTooSafe).toBe(true);
    expect(gradeBand(0.9, 'aspirational').mayBeTooSafe).toBe(false);
  });

  it('bands committed goals: 1.0 green, anything lower red', () => {
    expect(gradeBand(1, 'committed')).toMatchObject({ band: 'green', label: 'met' });
    expect(gradeBand(0.9, 'committed')).toMatchObject({ band: 'red', label: 'missed' });
    expect(gradeBand(0.7, 'committed').band).toBe('red');
  });

  it.each([
    [0.95, 'committed', null], // grade 1.0, green: nothing to explain
    [0.9499, 'committed', 'note'],
    [0.5, 'committed', 'note'],
    [null, 'committed', 'note'],
    [0.65, 'aspirational', null], // grade 0.7, green
    [0.6499, 'aspirational', 'tag'],
    [null, 'aspirational', 'tag'],
    [1.2, 'aspirational', null],
  ] as const)('close-out asks score %s (%s) for %s, by its grade (SPEC 7)', (score, kind, need) => {
    expect(closeOutNeed(score, kind)).toBe(need);
  });
});
