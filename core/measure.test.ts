import { describe, expect, it } from 'vitest';
import {
  clamp,
  type Measure,
  measureSchema,
  meetsBound,
  milestoneProgress,
  nearlyEqual,
  percentShown,
  rawProgress,
} from './measure';

describe('raw progress of increase and decrease measures (SPEC 3.1)', () => {
  it.each<[string, Measure, number, number]>([
    ['start gives 0', { type: 'increase', start: 45, target: 65 }, 45, 0],
    ['halfway', { type: 'increase', start: 45, target: 65 }, 55, 0.5],
    ['5.9 of 10 is 59%', { type: 'increase', start: 0, target: 10 }, 5.9, 0.59],
    ['exact target', { type: 'increase', start: 0, target: 10 }, 10, 1],
    [
      'target hit with float noise (0.1 + 0.2 of 0.3)',
      { type: 'increase', start: 0, target: 0.3 },
      0.1 + 0.2,
      1,
    ],
    ['over-achievement kept', { type: 'increase', start: 0, target: 10 }, 12, 1.2],
    ['moving away is negative', { type: 'increase', start: 10, target: 20 }, 8, -0.2],
    ['decrease halfway', { type: 'decrease', start: 800, target: 300 }, 550, 0.5],
    ['decrease to exactly zero', { type: 'decrease', start: 12, target: 0 }, 0, 1],
    ['decrease target with float noise', { type: 'decrease', start: 1, target: 0.7 }, 1 - 0.3, 1],
    ['decrease moving away', { type: 'decrease', start: 800, target: 300 }, 900, -0.2],
    ['decrease over-achieved', { type: 'decrease', start: 3, target: 1.5 }, 0, 2],
    ['negative numbers', { type: 'increase', start: -10, target: -5 }, -7.5, 0.5],
    ['milestones pass progress through', { type: 'milestones', milestones: ['a', 'b'] }, 0.5, 0.5],
    ['boolean done', { type: 'boolean' }, 1, 1],
    ['boolean not done', { type: 'boolean' }, 0, 0],
  ])('%s', (_name, measure, value, expected) => {
    expect(rawProgress(measure, value)).toBeCloseTo(expected, 12);
  });

  it('shows decimals exactly: 5.9 of 10 is 59%, not 50% or 60%', () => {
    expect(percentShown(rawProgress({ type: 'increase', start: 0, target: 10 }, 5.9))).toBe(59);
    expect(percentShown(rawProgress({ type: 'increase', start: 0, target: 3 }, 1))).toBe(33);
  });

  it('refuses raw progress for maintain types, which count periods instead', () => {
    expect(() => rawProgress({ type: 'at_least', threshold: 1 }, 2)).toThrow(/maintain/);
  });

  it('keeps score in [0, 1] with clamp', () => {
    expect([clamp(-0.2, 0, 1), clamp(0.4, 0, 1), clamp(1.2, 0, 1)]).toEqual([0, 0.4, 1]);
  });
});

describe('measure validation names the bad field', () => {
  const issue = (input: unknown) => {
    const result = measureSchema.safeParse(input);
    if (result.success) return undefined;
    return { path: result.error.issues[0]!.path.join('.'), message: result.error.issues[0]!.message };
  };

  it.each([
    ['increase with start == target', { type: 'increase', start: 5, target: 5 }, 'target', /differ/],
    ['decrease with start == target', { type: 'decrease', start: 5, target: 5 }, 'target', /differ/],
    [
      'increase with a target below start',
      { type: 'increase', start: 10, target: 5 },
      'target',
      /above start/,
    ],
    [
      'decrease with a target above start',
      { type: 'decrease', start: 5, target: 10 },
      'target',
      /below start/,
    ],
    ['between with low above high', { type: 'between', low: 5, high: 1 }, 'high', /at least low/],
    [
      'milestones all weighted zero',
      { type: 'milestones', milestones: [{ name: 'a', weight: 0 }] },
      'milestones',
      /positive weight/,
    ],
    [
      'milestones listed twice',
      { type: 'milestones', milestones: ['Ship', 'ship'] },
      'milestones.1',
      /twice/,
    ],
    ['a start that is not a number', { type: 'increase', start: 'ten', target: 5 }, 'start', /number/],
    ['an unknown type', { type: 'grow', start: 1, target: 5 }, 'type', /.+/],
  ])('rejects %s', (_name, input, path, message) => {
    const found = issue(input);
    expect(found?.path).toBe(path);
    expect(found?.message).toMatch(message);
  });

  it.each([
    { type: 'increase', start: 0, target: 1 },
    { type: 'decrease', start: 800, target: 300, unit: 'ms' },
    { type: 'at_least', threshold: 99.9 },
    { type: 'at_most', threshold: 2 },
    { type: 'between', low: 1, high: 1 },
    { type: 'milestones', milestones: ['Draft', { name: 'Ship', weight: 3 }] },
    { type: 'boolean' },
  ])('accepts %o', (input) => {
    expect(measureSchema.safeParse(input).success).toBe(true);
  });
});

describe('milestones and bounds', () => {
  const m = {
    type: 'milestones' as const,
    milestones: ['Draft', { name: 'Review', weight: 1 }, { name: 'Ship', weight: 2 }],
  };

  it('weights done milestones, matching names case-insensitively', () => {
    expect(milestoneProgress(m, [])).toBe(0);
    expect(milestoneProgress(m, ['draft'])).toBe(0.25);
    expect(milestoneProgress(m, ['Draft', 'Ship'])).toBe(0.75);
    expect(milestoneProgress(m, ['Draft', 'Review', 'Ship'])).toBe(1);
  });

  it.each<[Measure & { type: 'at_least' | 'at_most' | 'between' }, number, boolean]>([
    [{ type: 'at_least', threshold: 50 }, 50, true],
    [{ type: 'at_least', threshold: 50 }, 49.99, false],
    [{ type: 'at_least', threshold: 0.3 }, 0.1 + 0.2, true],
    [{ type: 'at_most', threshold: 2 }, 2, true],
    [{ type: 'at_most', threshold: 2 }, 2.01, false],
    [{ type: 'between', low: 1, high: 3 }, 1, true],
    [{ type: 'between', low: 1, high: 3 }, 3, true],
    [{ type: 'between', low: 1, high: 3 }, 3.5, false],
    [{ type: 'between', low: 1, high: 3 }, 0.5, false],
  ])('bounds are inclusive: %o with %d meets = %s', (measure, value, meets) => {
    expect(meetsBound(measure, value)).toBe(meets);
  });

  it('compares with a relative tolerance of 1e-9', () => {
    expect(nearlyEqual(1e12, 1e12 + 1)).toBe(true);
    expect(nearlyEqual(1, 1 + 1e-6)).toBe(false);
  });
});
