import { describe, expect, it } from 'vitest';
import { forecast } from './forecast';
import { DAY_MS, dateWindow, parseMoment } from './time';

const d = (text: string) => parseMoment(text, 'UTC')!;
const window = dateWindow('2026-10-01', '2026-10-30', 'UTC'); // 30 days
const now = d('2026-12-31');

describe('least-squares forecast (SPEC 3.6)', () => {
  it('is exact for check-ins on a straight line through (a, 0)', () => {
    const checkins = [5, 10, 15].map((day) => ({ at: window.start + day * DAY_MS, value: day / 50 }));
    const result = forecast(checkins, 0, 1, window, 0.7, now);
    expect(result?.progress).toBeCloseTo(30 / 50, 12);
    expect(result?.score).toBeCloseTo(0.6, 12);
    expect(result?.reachesTarget).toBe(false);
  });

  it('fits the best line when points scatter', () => {
    // Points (0,0), (10, 0.5), (20, 0.5): slope 0.025, intercept 1/12; at 30 days: 0.8333.
    const checkins = [
      { at: window.start + 10 * DAY_MS, value: 0.5 },
      { at: window.start + 20 * DAY_MS, value: 0.5 },
    ];
    const result = forecast(checkins, 0, 1, window, 0.7, now);
    expect(result?.progress).toBeCloseTo(1 / 12 + 0.025 * 30, 12);
    expect(result?.reachesTarget).toBe(true);
  });

  it('projects over-achievement and clamps the projected score', () => {
    const result = forecast([{ at: window.start + 10 * DAY_MS, value: 0.5 }], 0, 1, window, 1, now);
    expect(result?.progress).toBeCloseTo(1.5, 12);
    expect(result?.score).toBe(1);
  });

  it('needs 2 points spanning at least a day', () => {
    expect(forecast([], 0, 1, window, 1, now)).toBeNull();
    expect(forecast([{ at: window.start + 0.5 * DAY_MS, value: 0.1 }], 0, 1, window, 1, now)).toBeNull();
    expect(forecast([{ at: window.start + DAY_MS, value: 0.1 }], 0, 1, window, 1, now)).not.toBeNull();
  });

  it('uses only check-ins inside the window and at or before now', () => {
    const checkins = [
      { at: d('2026-09-25'), value: 0.9 },
      { at: window.start + 10 * DAY_MS, value: 0.2 },
      { at: window.end, value: 0.9 },
      { at: window.start + 20 * DAY_MS, value: 0.9 },
    ];
    const result = forecast(checkins, 0, 1, window, 1, window.start + 15 * DAY_MS);
    expect(result?.progress).toBeCloseTo(0.6, 12);
  });

  it('converts values to progress with the measure', () => {
    // decrease from 800 to 300: p = (v - 800) / (300 - 800)
    const result = forecast([{ at: window.start + 15 * DAY_MS, value: 550 }], 800, 1 / -500, window, 1, now);
    expect(result?.progress).toBeCloseTo(1, 12);
    expect(result?.reachesTarget).toBe(true);
  });
});
