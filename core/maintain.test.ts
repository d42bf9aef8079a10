import { describe, expect, it } from 'vitest';
import { cadencePeriods } from './cycle';
import { maintainProgress, tallyPeriods } from './maintain';
import { dateWindow, parseMoment } from './time';

const d = (text: string) => parseMoment(text, 'UTC')!;
// Four weeks: 2026-10-01 .. 2026-10-28.
const window = dateWindow('2026-10-01', '2026-10-28', 'UTC');
const periods = cadencePeriods(window, 'weekly', 'UTC');
const atLeast = { type: 'at_least' as const, threshold: 99.9 };
const ci = (at: string, value: number) => ({ at: d(at), value });

describe('maintain-type periods (SPEC 3.3)', () => {
  it('counts a period as met when its last check-in meets the bound', () => {
    const checkins = [ci('2026-10-02', 99.5), ci('2026-10-06', 99.95)];
    expect(tallyPeriods(atLeast, checkins, periods, d('2026-10-08'))).toEqual({
      met: 1,
      elapsed: 1,
      total: 4,
    });
  });

  it('counts the last check-in, even when an earlier one in the period met the bound', () => {
    const checkins = [ci('2026-10-02', 99.95), ci('2026-10-06', 99.5)];
    expect(tallyPeriods(atLeast, checkins, periods, d('2026-10-08')).met).toBe(0);
  });

  it('treats a period with no check-in as not met (gaps count against)', () => {
    const checkins = [ci('2026-10-02', 99.95), ci('2026-10-16', 99.99)];
    const tally = tallyPeriods(atLeast, checkins, periods, d('2026-10-22'));
    expect(tally).toEqual({ met: 2, elapsed: 3, total: 4 });
    expect(maintainProgress(tally, false)).toBeCloseTo(2 / 3, 12);
  });

  it('counts the current period only once it has a check-in', () => {
    const checkins = [ci('2026-10-02', 99.95)];
    expect(tallyPeriods(atLeast, checkins, periods, d('2026-10-10'))).toEqual({
      met: 1,
      elapsed: 1,
      total: 4,
    });
    const more = [...checkins, ci('2026-10-09', 99.0)];
    expect(tallyPeriods(atLeast, more, periods, d('2026-10-10'))).toEqual({ met: 1, elapsed: 2, total: 4 });
  });

  it('gives p = 0 with no elapsed period', () => {
    const tally = tallyPeriods(atLeast, [], periods, d('2026-10-03'));
    expect(tally.elapsed).toBe(0);
    expect(maintainProgress(tally, false)).toBe(0);
  });

  it('ignores check-ins before the window and after the moment of evaluation', () => {
    const checkins = [ci('2026-09-28', 100), ci('2026-10-02', 99.95), ci('2026-10-09', 100)];
    expect(tallyPeriods(atLeast, checkins, periods, d('2026-10-08T12:00'))).toEqual({
      met: 1,
      elapsed: 1,
      total: 4,
    });
  });

  it('scores met periods over all periods at close', () => {
    const checkins = [ci('2026-10-02', 99.95), ci('2026-10-09', 99.95), ci('2026-10-23', 99.0)];
    const tally = tallyPeriods(atLeast, checkins, periods, d('2026-11-05'));
    expect(tally).toEqual({ met: 2, elapsed: 4, total: 4 });
    expect(maintainProgress(tally, true)).toBe(0.5);
  });

  it('works for at_most and between bounds', () => {
    const checkins = [ci('2026-10-02', 2), ci('2026-10-09', 2.5)];
    const at = d('2026-10-15');
    expect(tallyPeriods({ type: 'at_most', threshold: 2 }, checkins, periods, at).met).toBe(1);
    expect(tallyPeriods({ type: 'between', low: 2, high: 2.5 }, checkins, periods, at).met).toBe(2);
  });
});
