import { describe, expect, it } from 'vitest';
import { elapsedShare, expectedProgress } from './expected';
import { dateWindow, parseMoment } from './time';

const d = (text: string) => parseMoment(text, 'UTC')!;
// 2026-10-01 to 2026-10-10 inclusive: ten days.
const window = dateWindow('2026-10-01', '2026-10-10', 'UTC');

describe('expected progress (SPEC 3.4)', () => {
  it.each([
    ['before the window', '2026-09-20', 0],
    ['at its start', '2026-10-01', 0],
    ['after 3 of 10 days', '2026-10-04', 0.3],
    ['halfway', '2026-10-06', 0.5],
    ['at the start of the day after the last', '2026-10-11', 1],
    ['after the window', '2026-12-01', 1],
  ])('f(t) %s', (_name, at, share) => {
    expect(elapsedShare(d(at), window)).toBeCloseTo(share, 12);
  });

  it('is linear, L x f(t), by default: 0.7 for aspirational, 1.0 for committed', () => {
    expect(expectedProgress(d('2026-10-06'), window, 0.7)).toBeCloseTo(0.35, 12);
    expect(expectedProgress(d('2026-10-06'), window, 1)).toBeCloseTo(0.5, 12);
    expect(expectedProgress(d('2026-10-06T12:00'), window, 1)).toBeCloseTo(0.55, 12);
  });

  it('interpolates through (a, 0), the plan points and (b, L)', () => {
    // Back-loaded: only 10% expected by day 5, then a ramp to 0.7.
    const plan = [{ at: d('2026-10-06'), expected: 0.1 }];
    expect(expectedProgress(d('2026-10-01'), window, 0.7, plan)).toBe(0);
    expect(expectedProgress(d('2026-10-03T12:00'), window, 0.7, plan)).toBeCloseTo(0.05, 12);
    expect(expectedProgress(d('2026-10-06'), window, 0.7, plan)).toBeCloseTo(0.1, 12);
    expect(expectedProgress(d('2026-10-08T12:00'), window, 0.7, plan)).toBeCloseTo(0.4, 12);
    expect(expectedProgress(d('2026-10-11'), window, 0.7, plan)).toBeCloseTo(0.7, 12);
  });

  it('supports several plan points, and a seasonal dip', () => {
    const plan = [
      { at: d('2026-10-03'), expected: 0.5 },
      { at: d('2026-10-07'), expected: 0.3 },
    ];
    expect(expectedProgress(d('2026-10-02'), window, 1, plan)).toBeCloseTo(0.25, 12);
    expect(expectedProgress(d('2026-10-05'), window, 1, plan)).toBeCloseTo(0.4, 12);
    expect(expectedProgress(d('2026-10-09'), window, 1, plan)).toBeCloseTo(0.3 + 0.7 * 0.5, 12);
  });

  it('ignores plan points outside the window', () => {
    const plan = [{ at: d('2026-12-01'), expected: 0.9 }];
    expect(expectedProgress(d('2026-10-06'), window, 1, plan)).toBeCloseTo(0.5, 12);
  });
});
