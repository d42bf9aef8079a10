import { describe, expect, it } from 'vitest';
import { Evaluator, evaluateOrganisation, type GoalEvaluation } from './evaluate';
import { DEFAULT_SETTINGS } from './settings';
import { checkins, day, keyResult, links, objective, organisation, Q4, smartGoal } from './testing/factories';
import { DAY_MS } from './time';

const krOptions = { window: Q4, level: 0.7, kind: 'aspirational' as const, canBeOverdue: false };
const byKey = (results: GoalEvaluation[]) => new Map(results.map((r) => [r.key, r]));

describe('a metric key result as of a moment', () => {
  it('uses start as the value before any check-in (p = 0) and is too early to tell at first', () => {
    const result = new Evaluator(day('2026-10-05')).measured(keyResult('k'), krOptions);
    expect(result).toMatchObject({
      progress: 0,
      score: 0,
      status: 'on_track',
      latestValue: null,
      grade: null,
    });
  });

  it('uses the latest check-in at or before the moment, even one from the planning week', () => {
    const kr = keyResult('k', {
      checkins: checkins(['2026-09-28', 20], ['2026-10-20', 35], ['2026-11-20', 90]),
    });
    expect(new Evaluator(day('2026-10-10')).measured(kr, krOptions).progress).toBe(0.2);
    expect(new Evaluator(day('2026-10-20')).measured(kr, krOptions).progress).toBe(0.35);
    expect(new Evaluator(day('2026-11-19')).measured(kr, krOptions).progress).toBe(0.35);
  });

  it('takes the later of two check-ins at the same moment, in order of entry', () => {
    const kr = keyResult('k', { checkins: checkins(['2026-10-20', 35], ['2026-10-20', 30]) });
    expect(new Evaluator(day('2026-10-21')).measured(kr, krOptions).latestValue).toBe(30);
  });

  it('is stale only when silence is strictly longer than 2 cadence periods', () => {
    const kr = keyResult('k', { checkins: checkins(['2026-10-20', 60]) });
    const at = day('2026-11-03');
    expect(new Evaluator(at).measured(kr, krOptions).status).toBe('on_track');
    expect(new Evaluator(at + 1).measured(kr, krOptions).status).toBe('stale');
  });

  it('counts silence from the window start when nothing was checked in (silence is never green)', () => {
    expect(new Evaluator(day('2026-10-08')).measured(keyResult('k'), krOptions).status).toBe('on_track');
    expect(new Evaluator(day('2026-10-15')).measured(keyResult('k'), krOptions).status).toBe('off_track');
    expect(new Evaluator(day('2026-10-15') + 1).measured(keyResult('k'), krOptions).status).toBe('stale');
  });

  it('uses the KR cadence for staleness: monthly allows two months of silence', () => {
    const kr = keyResult('k', { cadence: 'monthly', checkins: checkins(['2026-10-01', 50]) });
    expect(new Evaluator(day('2026-11-25')).measured(kr, krOptions).status).toBe('on_track');
    expect(new Evaluator(day('2026-12-02')).measured(kr, krOptions).status).toBe('stale');
  });

  it('honours the stale factor setting', () => {
    const settings = { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, staleFactor: 3 } };
    const kr = keyResult('k', { checkins: checkins(['2026-10-20', 60]) });
    expect(new Evaluator(day('2026-11-05'), settings).measured(kr, krOptions).status).toBe('on_track');
  });

  it('flags over-achievement and keeps raw progress above 1', () => {
    const kr = keyResult('k', { checkins: checkins(['2026-11-01', 120]) });
    const result = new Evaluator(day('2026-11-02')).measured(kr, krOptions);
    expect(result).toMatchObject({ progress: 1.2, score: 1, status: 'achieved', flags: ['overachieved'] });
  });

  it('flags reported-vs-data when the owner is confident while off track', () => {
    const kr = keyResult('k', { checkins: checkins(['2026-11-10', 5, 9]) });
    const result = new Evaluator(day('2026-11-12')).measured(kr, krOptions);
    expect(result.status).toBe('off_track');
    expect(result.flags).toContain('reported_vs_data');
  });

  it('grades once the window has ended, with bands by kind', () => {
    const kr = keyResult('k', { checkins: checkins(['2026-12-20', 65]) });
    expect(new Evaluator(day('2026-12-31')).measured(kr, krOptions).grade).toBeNull();
    const closed = new Evaluator(day('2027-01-01')).measured(kr, krOptions);
    expect(closed.grade).toBe(0.7);
    expect(closed.verdict).toMatchObject({ band: 'green', label: 'success' });
    expect(
      new Evaluator(day('2027-01-01')).measured(kr, { ...krOptions, kind: 'committed', level: 1 }).verdict
        ?.band,
    ).toBe('red');
  });

  it('gives a draft (no measure) no numbers', () => {
    const result = new Evaluator(day('2026-11-01')).measured(
      keyResult('k', { measure: undefined }),
      krOptions,
    );
    expect(result).toMatchObject({
      progress: null,
      score: null,
      status: null,
      forecast: null,
      flags: ['draft'],
    });
  });

  it('evaluates maintain types by met periods and the latest value', () => {
    const kr = keyResult('k', {
      measure: { type: 'at_most', threshold: 300 },
      checkins: checkins(['2026-10-02', 280], ['2026-10-09', 320], ['2026-10-16', 290]),
    });
    const result = new Evaluator(day('2026-10-20')).measured(kr, krOptions);
    expect(result.progress).toBeCloseTo(2 / 3, 12);
    expect(result.status).toBe('on_track');
    expect(result.forecast).toBeNull();
    const later = new Evaluator(day('2026-10-23')).measured(
      { ...kr, checkins: [...kr.checkins, ...checkins(['2026-10-22', 350])] },
      krOptions,
    );
    expect(later.status).toBe('off_track');
  });

  it('forecasts from the check-ins', () => {
    const kr = keyResult('k', { checkins: checkins(['2026-10-24', 25], ['2026-11-16', 50]) });
    const result = new Evaluator(day('2026-11-20')).measured(kr, krOptions);
    expect(result.forecast?.progress).toBeGreaterThan(0.95);
    expect(result.forecast?.reachesTarget).toBe(true);
  });
});

describe('objectives (SPEC 3.2)', () => {
  const at = day('2026-11-15');

  it('scores the weighted mean of KR scores, leaving out zero weights and drafts', () => {
    const o = objective('o', [
      keyResult('a', { weight: 2, checkins: checkins(['2026-11-10', 60]) }),
      keyResult('b', { weight: 1, checkins: checkins(['2026-11-10', 30]) }),
      keyResult('c', { weight: 0, checkins: checkins(['2026-11-10', 100]) }),
      keyResult('d', { measure: undefined }),
    ]);
    const results = byKey(evaluateOrganisation(organisation([o]), at));
    expect(results.get('o')?.score).toBeCloseTo((2 * 0.6 + 0.3) / 3, 12);
  });

  it('uses scores, not raw progress: over-achievement and losses are clamped', () => {
    const o = objective('o', [
      keyResult('a', { checkins: checkins(['2026-11-10', 150]) }),
      keyResult('b', { checkins: checkins(['2026-11-10', -50]) }),
    ]);
    expect(byKey(evaluateOrganisation(organisation([o]), at)).get('o')?.score).toBe(0.5);
  });

  it('has no score without KRs', () => {
    const results = byKey(evaluateOrganisation(organisation([objective('o', [])]), at));
    expect(results.get('o')).toMatchObject({ score: null, status: null });
  });

  it('is stale when all its KRs are, and needs attention when any is off track or stale', () => {
    const stale = objective('s', [keyResult('a', { checkins: checkins(['2026-10-01', 10]) })]);
    const mixed = objective('m', [
      keyResult('b', { checkins: checkins(['2026-11-10', 40]) }),
      keyResult('c', { checkins: checkins(['2026-10-01', 40]) }),
    ]);
    const results = byKey(evaluateOrganisation(organisation([stale, mixed]), at));
    expect(results.get('s')).toMatchObject({ status: 'stale', flags: ['needs_attention'] });
    expect(results.get('m')?.status).toBe('on_track');
    expect(results.get('m')?.flags).toEqual(['needs_attention']);
  });

  it('expects 1.0 of committed objectives and 0.7 of aspirational ones', () => {
    const kr = () => keyResult('a', { checkins: checkins(['2026-11-10', 35]) });
    const asp = byKey(evaluateOrganisation(organisation([objective('o', [kr()])]), at)).get('o');
    const com = byKey(
      evaluateOrganisation(organisation([objective('o', [kr()], { kind: 'committed' })]), at),
    ).get('o');
    expect(asp?.status).toBe('on_track');
    expect(com?.status).toBe('at_risk');
    expect(com?.level).toBe(1);
  });

  it('forecasts only when every weighted KR has a forecast', () => {
    const withForecasts = objective('o', [
      keyResult('a', { checkins: checkins(['2026-11-01', 40]) }),
      keyResult('b', { checkins: checkins(['2026-11-01', 20]) }),
    ]);
    const results = byKey(evaluateOrganisation(organisation([withForecasts]), at));
    const a = results.get('a')!.forecast!.score;
    const b = results.get('b')!.forecast!.score;
    expect(results.get('o')?.forecast?.score).toBeCloseTo((a + b) / 2, 12);
    const missing = objective('p', [
      keyResult('c', { checkins: checkins(['2026-11-01', 40]) }),
      keyResult('d'),
    ]);
    expect(byKey(evaluateOrganisation(organisation([missing]), at)).get('p')?.forecast).toBeNull();
  });
});

describe('aligned key results (SPEC 3.2)', () => {
  const at = day('2026-11-15');

  it('takes the weighted mean of the scores of what aligns to it', () => {
    const parent = objective('company', [
      keyResult('onboarding', { progressSource: 'aligned', measure: undefined }),
    ]);
    const team = objective('team', [keyResult('t1', { checkins: checkins(['2026-11-10', 80]) })], {
      parents: links(['onboarding', 1]),
    });
    const goal = smartGoal('tutorial', {
      parents: links(['onboarding', 3]),
      checkins: checkins(['2026-11-10', 4]),
    });
    const results = byKey(evaluateOrganisation(organisation([parent, team], [goal]), at));
    expect(results.get('onboarding')?.progress).toBeCloseTo((0.8 + 3 * 0.4) / 4, 12);
    expect(results.get('company')?.score).toBeCloseTo(0.5, 12);
  });

  it('is 0 with no children', () => {
    const parent = objective('company', [keyResult('k', { progressSource: 'aligned', measure: undefined })]);
    expect(byKey(evaluateOrganisation(organisation([parent]), at)).get('k')?.progress).toBe(0);
  });

  it('is stale when all its children are', () => {
    const parent = objective('company', [keyResult('k', { progressSource: 'aligned', measure: undefined })]);
    const goal = smartGoal('g', { parents: links('k'), checkins: checkins(['2026-10-02', 4]) });
    expect(byKey(evaluateOrganisation(organisation([parent], [goal]), at)).get('k')?.status).toBe('stale');
  });

  it('never counts links to objectives in scores (no double counting)', () => {
    const parent = objective('company', [keyResult('k', { checkins: checkins(['2026-11-10', 10]) })]);
    const child = objective('team', [keyResult('t', { checkins: checkins(['2026-11-10', 90]) })], {
      parents: links('company'),
    });
    expect(byKey(evaluateOrganisation(organisation([parent, child]), at)).get('company')?.score).toBeCloseTo(
      0.1,
      12,
    );
  });

  it('leaves out dropped children', () => {
    const parent = objective('company', [keyResult('k', { progressSource: 'aligned', measure: undefined })]);
    const kept = smartGoal('kept', { parents: links('k'), checkins: checkins(['2026-11-10', 6]) });
    const dropped = smartGoal('dropped', { parents: links('k'), state: 'dropped' });
    expect(
      byKey(evaluateOrganisation(organisation([parent], [kept, dropped]), at)).get('k')?.progress,
    ).toBeCloseTo(0.6, 12);
  });
});

describe('SMART goals', () => {
  it('become overdue when open and below 1.0 after the due date', () => {
    const goal = smartGoal('g', { checkins: checkins(['2026-11-25', 9]) });
    const results = byKey(evaluateOrganisation(organisation([], [goal]), day('2026-12-01')));
    expect(results.get('g')).toMatchObject({ status: 'overdue', grade: 0.9 });
    expect(byKey(evaluateOrganisation(organisation([], [goal]), day('2026-11-30'))).get('g')?.status).toBe(
      'on_track',
    );
  });

  it('expect 1.0 over [start, due]', () => {
    const goal = smartGoal('g', { checkins: checkins(['2026-10-30', 2]) });
    const result = byKey(evaluateOrganisation(organisation([], [goal]), day('2026-10-31'))).get('g');
    expect(result?.level).toBe(1);
    expect(result?.expected).toBeCloseTo(30 / 61, 12);
    expect(result?.status).toBe('off_track');
  });

  it('report a goal closed as done as achieved, flagging data that disagrees', () => {
    const goal = smartGoal('g', { state: 'done', checkins: checkins(['2026-10-30', 8]) });
    const result = byKey(evaluateOrganisation(organisation([], [goal]), day('2026-12-05'))).get('g');
    expect(result).toMatchObject({ status: 'achieved', flags: ['reported_vs_data'] });
    const missed = smartGoal('m', { state: 'missed' });
    expect(byKey(evaluateOrganisation(organisation([], [missed]), day('2026-12-05'))).get('m')?.status).toBe(
      'missed',
    );
  });

  it('work with milestones and boolean measures', () => {
    const milestones = smartGoal('m', {
      measure: { type: 'milestones', milestones: ['Draft', 'Review', 'Ship'] },
      checkins: [{ at: day('2026-10-20'), value: 2 / 3, done: ['Draft', 'Review'] }],
    });
    const flag = smartGoal('b', {
      measure: { type: 'boolean' },
      checkins: [{ at: day('2026-10-20'), value: 1 }],
    });
    const results = byKey(evaluateOrganisation(organisation([], [milestones, flag]), day('2026-10-21')));
    expect(results.get('m')?.progress).toBeCloseTo(2 / 3, 12);
    expect(results.get('b')?.status).toBe('achieved');
  });
});

describe('a dropped objective', () => {
  it('reports dropped for itself and its KRs', () => {
    const o = objective('o', [keyResult('k', { checkins: checkins(['2026-11-10', 50]) })], {
      state: 'dropped',
    });
    const results = byKey(evaluateOrganisation(organisation([o]), day('2026-11-12')));
    expect(results.get('o')?.status).toBe('dropped');
    expect(results.get('k')?.status).toBe('dropped');
  });
});

describe('evaluation order', () => {
  it('lists objectives each followed by their KRs, then SMART goals', () => {
    const org = organisation(
      [objective('o1', [keyResult('a'), keyResult('b')]), objective('o2', [keyResult('c')])],
      [smartGoal('s')],
    );
    expect(evaluateOrganisation(org, day('2026-11-01')).map((r) => r.key)).toEqual([
      'o1',
      'a',
      'b',
      'o2',
      'c',
      's',
    ]);
  });

  it('computes expected progress in whole days of the window', () => {
    const result = new Evaluator(Q4.start + 46 * DAY_MS).measured(keyResult('k'), krOptions);
    expect(result.expected).toBeCloseTo(0.7 * 0.5, 12);
  });
});
