import { describe, expect, it } from 'vitest';
import type { KeyResultNode, SmartGoalNode } from '../../model';
import { checkins, day } from '../../testing/factories';
import { dateWindow } from '../../time';
import {
  companyObjective,
  draftKr,
  hits,
  measuredKr,
  onKr,
  onObjective,
  onSmart,
  org,
  smart,
} from './testing';

const metric = (key: string, overrides: Partial<KeyResultNode> = {}) =>
  measuredKr(
    key,
    'Raise 7-day activation from 35% to 50%',
    { type: 'increase', start: 35, target: 50, unit: '%' },
    overrides,
  );
const withConfidence = (...confidences: (number | undefined)[]) =>
  confidences.map((confidence, i) => metric(`k${i}`, { confidence }));

describe('sandbagging', () => {
  it.each([
    ['every draft confidence 9 or more', withConfidence(9, 10), 'aspirational', 'warning'],
    ['the only draft confidence is 10', withConfidence(10, undefined), 'aspirational', 'info'],
    ['kind not chosen', withConfidence(9, 9), undefined, 'warning'],
    ['one below 9', withConfidence(9, 7), 'aspirational', 'none'],
    ['committed', withConfidence(10, 10), 'committed', 'none'],
    ['no draft confidence', withConfidence(undefined, undefined), 'aspirational', 'none'],
  ] as const)('%s', (_name, krs, kind, expected) => {
    expect(onObjective('sandbagging', companyObjective('o', [...krs], { kind }))).toBe(expected);
  });

  const grades = (owner: string, ...values: number[]) =>
    values.map((grade) => ({ owner, grade, kind: 'aspirational' as const }));
  it.each([
    ['recent grades average over 0.8', grades('ana@example.com', 0.9, 1, 0.9), ['k0 warning']],
    ['too few grades', grades('ana@example.com', 1, 1), []],
    ['grades average 0.7', grades('ana@example.com', 0.7, 0.6, 0.8), []],
    ['someone else', grades('li@example.com', 1, 1, 1), []],
    [
      'committed grades',
      [1, 1, 1].map((grade) => ({ owner: 'ana@example.com', grade, kind: 'committed' as const })),
      [],
    ],
  ])('history: %s', (_name, history, expected) => {
    const o = companyObjective('o', withConfidence(undefined, undefined), { kind: 'aspirational' });
    expect(hits(org({ objectives: [o] }), 'sandbagging', { history: { grades: history } })).toEqual(expected);
  });

  it('stays silent without history', () => {
    const o = companyObjective('o', withConfidence(undefined, undefined), { kind: 'aspirational' });
    expect(hits(org({ objectives: [o] }), 'sandbagging')).toEqual([]);
  });
});

describe('moonshot-without-belief', () => {
  it.each([
    ['mean 2', withConfidence(1, 3), 'warning'],
    ['a single 1', withConfidence(1, undefined), 'info'],
    ['mean 2.5', withConfidence(2, 3), 'none'],
    ['mean 5', withConfidence(5, 5), 'none'],
    ['none given', withConfidence(undefined), 'none'],
  ])('%s', (_name, krs, expected) => {
    expect(onObjective('moonshot-without-belief', companyObjective('o', krs))).toBe(expected);
  });
});

describe('stale', () => {
  const at = (date: string) => ({ at: day(date) });
  it.each([
    [
      'last check-in 15 days ago',
      metric('k', { checkins: checkins(['2026-10-20', 40]) }),
      '2026-11-04',
      'warning',
    ],
    [
      'last check-in 14 days ago',
      metric('k', { checkins: checkins(['2026-10-20', 40]) }),
      '2026-11-03',
      'none',
    ],
    ['no check-in, 15 days into the cycle', metric('k'), '2026-10-16', 'warning'],
    ['no check-in, 14 days into the cycle', metric('k'), '2026-10-15', 'none'],
    ['after the cycle ended', metric('k'), '2027-01-10', 'none'],
    ['a draft', draftKr('k', 'Raise activation'), '2026-11-30', 'none'],
    [
      'a monthly cadence',
      metric('k', { cadence: 'monthly', checkins: checkins(['2026-10-20', 40]) }),
      '2026-11-04',
      'none',
    ],
    ['an aligned KR', draftKr('k', 'Raise activation', { progressSource: 'aligned' }), '2026-11-30', 'none'],
  ])('%s', (_name, kr, date, expected) => {
    expect(onKr('stale', kr, {}, at(date))).toBe(expected);
  });

  it.each([
    ['open', {}, 'warning'],
    ['done', { state: 'done' as const }, 'none'],
  ])('SMART goals, %s', (_name, overrides, expected) => {
    const goal: SmartGoalNode = smart('s', 'Write 30 support macros', {
      checkins: checkins(['2026-10-02', 3]),
      ...overrides,
    });
    expect(onSmart('stale', goal, at('2026-11-01'))).toBe(expected);
  });
});

describe('reported-vs-data', () => {
  const at = { at: day('2026-11-16') };
  it.each([
    ['confident while off track', checkins(['2026-11-10', 36, 8]), 'warning'],
    ['doubtful while on track', checkins(['2026-11-10', 44, 2]), 'warning'],
    [
      'flat values, still confident',
      checkins(['2026-10-27', 40, 8], ['2026-11-03', 40, 8], ['2026-11-10', 40, 8]),
      'warning',
    ],
    ['honest about being off track', checkins(['2026-11-10', 36, 4]), 'none'],
    ['confident and on track', checkins(['2026-11-10', 44, 8]), 'none'],
  ])('%s', (_name, history, expected) => {
    expect(onKr('reported-vs-data', metric('k', { checkins: history }), {}, at)).toBe(expected);
  });

  it('flags a SMART goal marked done below its target', () => {
    const goal = smart('s', 'Write 30 support macros', {
      state: 'done',
      measure: { type: 'increase', start: 0, target: 30 },
      checkins: checkins(['2026-11-10', 18, 8]),
    });
    expect(onSmart('reported-vs-data', goal, at)).toBe('warning');
  });
});

describe('past-due-open', () => {
  const due = (overrides: Partial<SmartGoalNode> = {}) =>
    smart('s', 'Write 30 support macros', {
      window: dateWindow('2026-10-01', '2026-11-15', 'UTC'),
      dueDate: '2026-11-15',
      checkins: checkins(['2026-11-10', 5]),
      ...overrides,
    });
  it.each([
    ['open past its due date', due(), '2026-11-16', 'warning'],
    ['open on its due date', due(), '2026-11-15', 'none'],
    ['reached its target but open', due({ checkins: checkins(['2026-11-10', 10]) }), '2026-11-16', 'info'],
    ['missed', due({ state: 'missed' }), '2026-11-16', 'none'],
    ['done', due({ state: 'done', checkins: checkins(['2026-11-10', 10]) }), '2026-11-16', 'none'],
  ])('%s', (_name, goal, date, expected) => {
    expect(onSmart('past-due-open', goal, { at: day(date) })).toBe(expected);
  });

  it.each([
    ['active after the cycle', 'active', '2027-01-05', 'info'],
    ['active during the cycle', 'active', '2026-12-31', 'none'],
    ['closed after the cycle', 'closed', '2027-01-05', 'none'],
  ] as const)('objectives: %s', (_name, state, date, expected) => {
    const o = companyObjective('o', withConfidence(undefined), { state });
    expect(onObjective('past-due-open', o, {}, { at: day(date) })).toBe(expected);
  });
});

describe('check-in rules read the engine', () => {
  it('uses the evaluation settings it is given', () => {
    const kr = metric('k', { checkins: checkins(['2026-10-20', 40]) });
    const o = companyObjective('o', [kr]);
    const evaluation = {
      timeZone: 'UTC',
      weekStart: 1,
      fiscalYearStartMonth: 1,
      defaultCadence: 'weekly' as const,
      thresholds: { onTrack: 0.9, atRisk: 0.6, staleFactor: 4, tooEarlyShare: 0.1 },
    };
    expect(hits(org({ objectives: [o] }), 'stale', { at: day('2026-11-04') })).toEqual(['k warning']);
    expect(hits(org({ objectives: [o] }), 'stale', { at: day('2026-11-04'), evaluation })).toEqual([]);
  });
});
