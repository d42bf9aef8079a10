import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './settings';
import {
  hasReportedVsDataConflict,
  isFlatForThree,
  maintainStatus,
  progressStatus,
  type Status,
} from './status';

const window = { start: 100, end: 200 };
const base = {
  t: 150,
  window,
  level: 0.7,
  isStale: false,
  canBeOverdue: false,
  thresholds: DEFAULT_THRESHOLDS,
};

describe('status rules in order (SPEC 3.5)', () => {
  it.each<[string, Partial<typeof base> & { p: number; expected: number }, Status]>([
    ['not started before the window, even when achieved', { t: 99, p: 1, expected: 0 }, 'not_started'],
    ['achieved at p >= 1, even when stale', { p: 1, expected: 0.35, isStale: true }, 'achieved'],
    ['achieved within float noise', { p: 0.9999999999999999, expected: 0.35 }, 'achieved'],
    ['stale before the ratio', { p: 0.5, expected: 0.35, isStale: true }, 'stale'],
    ['too early to tell: e(t) < 0.1 L', { p: 0, expected: 0.069 }, 'on_track'],
    ['not too early at exactly 0.1 L', { p: 0, expected: 0.07 }, 'off_track'],
    ['on track at r = 0.9', { p: 0.315, expected: 0.35 }, 'on_track'],
    ['at risk just below 0.9', { p: 0.3149, expected: 0.35 }, 'at_risk'],
    ['at risk at r = 0.6', { p: 0.21, expected: 0.35 }, 'at_risk'],
    ['off track below 0.6', { p: 0.2099, expected: 0.35 }, 'off_track'],
    ['off track when moving away', { p: -0.2, expected: 0.35 }, 'off_track'],
    ['a KR past its window keeps the ratio rule', { t: 250, p: 0.65, expected: 0.7 }, 'on_track'],
  ])('%s', (_name, input, status) => {
    expect(progressStatus({ ...base, ...input })).toBe(status);
  });

  it('makes an open SMART goal below 1.0 overdue once its window has ended', () => {
    const smart = { ...base, level: 1, canBeOverdue: true };
    expect(progressStatus({ ...smart, t: 200, p: 0.99, expected: 1 })).toBe('overdue');
    expect(progressStatus({ ...smart, t: 200, p: 1, expected: 1 })).toBe('achieved');
    expect(progressStatus({ ...smart, t: 199, p: 0.99, expected: 0.99 })).toBe('on_track');
  });

  it('reads the thresholds from settings', () => {
    const strict = { ...DEFAULT_THRESHOLDS, onTrack: 1, atRisk: 0.8 };
    expect(progressStatus({ ...base, p: 0.33, expected: 0.35, thresholds: strict })).toBe('at_risk');
    expect(progressStatus({ ...base, p: 0.27, expected: 0.35, thresholds: strict })).toBe('off_track');
    const lenient = { ...DEFAULT_THRESHOLDS, tooEarlyShare: 0.5 };
    expect(progressStatus({ ...base, p: 0, expected: 0.34, thresholds: lenient })).toBe('on_track');
  });
});

describe('maintain statuses (SPEC 3.3)', () => {
  const m = { t: 150, window, latestMeets: true as boolean | undefined, isStale: false, isOverdue: false };
  it.each<[string, Partial<typeof m>, Status]>([
    ['on track while the latest value meets the bound', {}, 'on_track'],
    ['off track when it does not', { latestMeets: false }, 'off_track'],
    ['on track before any check-in', { latestMeets: undefined }, 'on_track'],
    ['stale wins over the bound', { latestMeets: true, isStale: true }, 'stale'],
    ['not started before the window', { t: 50 }, 'not_started'],
    ['overdue for a SMART goal past due', { isOverdue: true }, 'overdue'],
  ])('%s', (_name, input, status) => {
    expect(maintainStatus({ ...m, ...input })).toBe(status);
  });
});

describe('reported vs data conflict (SPEC 3.5)', () => {
  const input = {
    status: 'on_track' as Status,
    confidence: 5 as number | undefined,
    values: [1, 2, 3],
    isProgressMeasure: true,
  };
  it.each<[string, Partial<typeof input>, boolean]>([
    ['confident (7) while off track', { status: 'off_track', confidence: 7 }, true],
    ['confident (6) while off track is fine', { status: 'off_track', confidence: 6 }, false],
    ['worried (3) while on track', { confidence: 3 }, true],
    ['worried (4) while on track is fine', { confidence: 4 }, false],
    ['worried while at risk is consistent', { status: 'at_risk', confidence: 2 }, false],
    ['flat for 3 check-ins while confident', { values: [5, 5, 5], confidence: 8, status: 'at_risk' }, true],
    ['flat for 2 check-ins is not enough', { values: [4, 5, 5], confidence: 8, status: 'at_risk' }, false],
    ['flat but no longer confident', { values: [5, 5, 5], confidence: 6, status: 'at_risk' }, false],
    [
      'flat maintain values are the point',
      { values: [5, 5, 5], confidence: 9, isProgressMeasure: false },
      false,
    ],
    [
      'flat at an achieved target is done, not stuck',
      { values: [9, 9, 9], confidence: 9, status: 'achieved' },
      false,
    ],
    ['no confidence reported', { confidence: undefined, status: 'off_track' }, false],
  ])('%s', (_name, { values, ...override }, conflict) => {
    const points = (values ?? input.values).map((value) => ({ value }));
    const isFlat = isFlatForThree(points, points.length - 1);
    expect(hasReportedVsDataConflict({ ...input, ...override, isFlat })).toBe(conflict);
  });
});

describe('status settings', () => {
  it('validates thresholds and workspace settings, naming the field', async () => {
    const { evaluationSettingsSchema, statusThresholdsSchema, DEFAULT_SETTINGS } = await import('./settings');
    expect(statusThresholdsSchema.parse({})).toEqual(DEFAULT_THRESHOLDS);
    const bad = statusThresholdsSchema.safeParse({ onTrack: 0.5, atRisk: 0.8 });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['atRisk']);
    expect(evaluationSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    const zone = evaluationSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' });
    expect(zone.success ? [] : zone.error.issues.map((i) => i.path.join('.'))).toEqual(['timeZone']);
  });
});
