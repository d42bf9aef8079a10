import { describe, expect, it } from 'vitest';
import {
  ambitionIndex,
  brierScore,
  commitmentReliability,
  confidenceAtThreeQuarters,
  lastClosedCycles,
} from './calibration';

describe('calibration (SPEC 3.8)', () => {
  it.each([
    [[0.2, 0.3, 0.4], 'overreaching'],
    [[0.4, 0.4, 0.4], 'ambitious'],
    [[0.5, 0.6, 0.6], 'ambitious'],
    [[0.6, 0.6, 0.6], 'calibrated'],
    [[0.7, 0.8, 0.9], 'calibrated'],
    [[0.8, 0.8, 0.8], 'calibrated'],
    [[0.9, 0.8, 0.8], 'too_safe'],
    [[1, 1, 1, 0.9], 'too_safe'],
  ])('ambition index of %j is %s', (grades, band) => {
    expect(ambitionIndex(grades).band).toBe(band);
  });

  it('needs at least 3 aspirational KRs for an ambition index', () => {
    expect(ambitionIndex([0.7, 0.7])).toEqual({ value: null, band: null, count: 2 });
    expect(ambitionIndex([0.6, 0.7, 0.8]).value).toBeCloseTo(0.7, 12);
  });

  it('measures commitment reliability as the share that scored 1.0', () => {
    expect(commitmentReliability([1, 1, 0.9, 0.5])).toEqual({ value: 0.5, count: 4 });
    expect(commitmentReliability([])).toEqual({ value: null, count: 0 });
  });

  it('computes the Brier score of confidence against outcomes', () => {
    expect(
      brierScore([
        { confidence: 10, reached: true },
        { confidence: 0, reached: false },
      ]).value,
    ).toBe(0);
    expect(brierScore([{ confidence: 5, reached: true }]).value).toBeCloseTo(0.25, 12);
    expect(
      brierScore([
        { confidence: 8, reached: false },
        { confidence: 7, reached: true },
      ]).value,
    ).toBeCloseTo((0.64 + 0.09) / 2, 12);
    expect(brierScore([])).toEqual({ value: null, count: 0 });
  });

  it('takes confidence from the last check-in before 75% of the window', () => {
    const window = { start: 0, end: 100 };
    const checkins = [
      { at: 10, confidence: 3 },
      { at: 50 },
      { at: 60, confidence: 6 },
      { at: 75, confidence: 9 },
    ];
    expect(confidenceAtThreeQuarters(checkins, window)).toBe(6);
    expect(confidenceAtThreeQuarters([{ at: 80, confidence: 9 }], window)).toBeUndefined();
  });

  it('looks back over the last N closed cycles, most recent first', () => {
    const cycles = [1, 2, 3, 4, 5, 6].map((i) => ({
      id: i,
      state: i === 6 ? 'active' : 'closed',
      window: { start: i, end: i + 1 },
    }));
    expect(lastClosedCycles(cycles).map((c) => c.id)).toEqual([5, 4, 3, 2]);
    expect(lastClosedCycles(cycles, 2).map((c) => c.id)).toEqual([5, 4]);
  });
});
