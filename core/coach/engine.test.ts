import { describe, expect, it } from 'vitest';
import type { Measure } from '../measure';
import type { KeyResultNode, SmartGoalNode } from '../model';
import { links } from '../testing/factories';
import { describeRules, lint } from './engine';
import { companyObjective, draftKr, EARLY, measuredKr, org, smart } from './rules/testing';
import { coachSettingsSchema, DEFAULT_COACH_SETTINGS, effectiveSeverity } from './settings';
import { RULE_IDS } from './types';

const inc = (start: number, target: number, unit?: string): Measure => ({
  type: 'increase',
  start,
  target,
  unit,
});
const dec = (start: number, target: number, unit?: string): Measure => ({
  type: 'decrease',
  start,
  target,
  unit,
});

/** A weak organisation: an objective with a conflicting KR and a task KR, and a SMART goal with no owner. */
function weak() {
  const o = companyObjective('o', [
    draftKr('churn', 'Reduce churn from 3% to 5%'),
    draftKr('ship', 'Ship v2 onboarding'),
  ]);
  return org({
    objectives: [o],
    smartGoals: [
      smart('s', 'Write 30 support macros', { owner: undefined, parents: [{ key: 'churn', weight: 1 }] }),
    ],
  });
}

describe('lint', () => {
  it('gives each finding a rule, severity, target, message, suggestion and source', () => {
    const { findings, summary } = lint(weak(), { at: EARLY });
    expect(findings.map((f) => `${f.target} ${f.rule} ${f.severity}`)).toEqual([
      'churn kr-direction-conflict error',
      'ship kr-should-be-smart warning',
      's smart-no-owner warning',
    ]);
    for (const f of findings) {
      expect(f.message).toMatch(/^[A-Z"$0-9].+[.?]$/);
      expect(f.suggestion.length).toBeGreaterThan(20);
    }
    expect(summary).toEqual({ errors: 1, warnings: 2, infos: 0, goals: 4 });
  });

  it('is deterministic', () => {
    expect(lint(weak(), { at: EARLY })).toEqual(lint(weak(), { at: EARLY }));
  });

  it('switches rules off and changes severities from the settings', () => {
    const settings = { rules: { 'kr-direction-conflict': 'warning', 'smart-no-owner': 'off' } } as const;
    const { findings, summary } = lint(weak(), { at: EARLY, settings });
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'kr-direction-conflict warning',
      'kr-should-be-smart warning',
    ]);
    expect(summary.errors).toBe(0);
  });

  it('keeps hedged findings one step milder than the rule', () => {
    const o = companyObjective('o', [draftKr('k', 'Reduce churn by 20%'), draftKr('k2', 'Raise NPS to 70')]);
    const at = { at: EARLY, settings: { rules: { 'kr-no-baseline': 'error' } } } as const;
    const found = lint(org({ objectives: [o] }), at).findings.filter((f) => f.rule === 'kr-no-baseline');
    expect(found.map((f) => `${f.target} ${f.severity}`)).toEqual(['k warning', 'k2 error']);
  });

  it('leaves dropped goals alone', () => {
    const o = companyObjective('o', [draftKr('k', 'Improve onboarding')], { state: 'dropped' });
    const s = smart('s', 'Become world-class', { state: 'dropped', owner: undefined, parents: [] });
    expect(lint(org({ objectives: [o], smartGoals: [s] }), { at: EARLY }).findings).toEqual([]);
  });

  it('judges finished goals only on how they were closed', () => {
    const o = companyObjective('o', [draftKr('k', 'Improve onboarding')], { state: 'closed' });
    const done = smart('s', 'Become world-class', {
      state: 'done',
      owner: undefined,
      parents: [],
      measure: { type: 'increase', start: 0, target: 10 },
      checkins: [{ at: EARLY - 86_400_000, value: 4, confidence: 8 }],
    });
    const found = lint(org({ objectives: [o], smartGoals: [done] }), { at: EARLY }).findings;
    expect(found.map((f) => `${f.target} ${f.rule}`)).toEqual(['s reported-vs-data']);
  });

  it('implements every rule id, each with a summary', () => {
    const rules = describeRules();
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of rules) expect(r.summary.length).toBeGreaterThan(15);
  });
});

describe('coach settings', () => {
  it('fills in the defaults of SPEC 4', () => {
    expect(DEFAULT_COACH_SETTINGS.thresholds).toMatchObject({
      maxObjectivesCompany: 5,
      maxObjectivesUnit: 3,
      maxObjectivesPerson: 3,
      timidRatio: 0.3,
      wildRatio: 2,
    });
    expect(DEFAULT_COACH_SETTINGS.rules).toEqual({});
  });

  it.each([
    [{ rules: { 'no-such-rule': 'warning' } }],
    [{ rules: { orphan: 'loud' } }],
    [{ thresholds: { timidRatio: -1 } }],
    [{ thresholds: { unknown: 1 } }],
    [{ locale: 'xx' }],
  ])('rejects %j', (input) => {
    expect(coachSettingsSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['warning', false, undefined, 'warning'],
    ['warning', true, undefined, 'info'],
    ['error', true, undefined, 'warning'],
    ['info', true, undefined, 'info'],
    ['warning', false, 'error', 'error'],
    ['warning', true, 'error', 'warning'],
    ['warning', true, 'off', 'off'],
  ] as const)('a %s rule, hedged %s, set to %s, gives %s', (byDefault, hedged, chosen, expected) => {
    const settings = coachSettingsSchema.parse(chosen ? { rules: { orphan: chosen } } : {});
    expect(effectiveSeverity('orphan', byDefault, hedged, settings)).toBe(expected);
  });
});

describe('precision: well-written goals raise no warning (at most a hedged info)', () => {
  const goodKrs: [string, Measure | undefined, Partial<KeyResultNode>?][] = [
    ['Grow weekly active teams from 1,200 to 2,000', inc(1200, 2000, 'teams')],
    ['Cut p95 latency from 800ms to 300ms', dec(800, 300, 'ms')],
    ['NPS >= 50 all quarter', { type: 'at_least', threshold: 50 }],
    ['Reduce churn by 40%', dec(2.5, 1.5, '%')],
    ['Increase Net Promoter Score from 45 to 65', inc(45, 65, 'pts')],
    ['Reduce monthly logo churn from 3% to 1.5%', dec(3, 1.5, '%')],
    ['Keep API availability at or above 99.9% every week', { type: 'at_least', threshold: 99.9, unit: '%' }],
    ['Reduce time-to-hire from 90 to 45 days', dec(90, 45, 'days')],
    ['Grow ARR from $1.2M to $2M', inc(1.2, 2, '$M')],
    ['Raise trial-to-paid conversion from 12% to 18%', inc(12, 18, '%')],
    ['Cut median time to first dashboard from 30 to 10 minutes', dec(30, 10, 'min')],
    ['Raise net revenue retention from 104% to 112%', inc(104, 112, '%'), { leading: true }],
    ['Halve the support backlog', dec(400, 200, 'tickets')],
    ['Double weekly self-serve signups', inc(300, 600, 'signups')],
    ['Keep median first response under 2 hours', { type: 'at_most', threshold: 2, unit: 'h' }],
    ['Raise 7-day activation from 35% to 50%', inc(35, 50, '%'), { leading: true }],
    ['Hold checkout error rate between 0.1% and 0.5%', { type: 'between', low: 0.1, high: 0.5, unit: '%' }],
    ['Win 20 new enterprise logos', inc(0, 20, 'logos')],
    ['Lift share of tickets solved in one reply from 40% to 60%', inc(40, 60, '%')],
    ['Bring mean time to recovery down from 90 to 30 minutes', dec(90, 30, 'min')],
    ['Grow EMEA pipeline from €1.5m to €3m', inc(1.5e6, 3e6, '€')],
    ['Improve gross margin from 62% to 70%', inc(62, 70, '%')],
    ['Increase weekly active users', inc(10_000, 15_000, 'users')],
  ];
  it.each(goodKrs)('KR "%s"', (title, measure, overrides = {}) => {
    const kr = measure ? measuredKr('k', title, measure, overrides) : draftKr('k', title, overrides);
    const other = measuredKr('other', 'Raise 7-day activation from 35% to 55%', inc(35, 55, '%'), {
      leading: true,
    });
    const o = companyObjective('o', [kr, other], { kind: 'aspirational' });
    const found = lint(org({ objectives: [o] }), { at: EARLY }).findings.filter(
      (f) => f.target === 'k' && f.severity !== 'info',
    );
    expect(found.map((f) => `${f.rule} ${f.severity}: ${f.message}`)).toEqual([]);
  });

  const goodSmart: [string, Partial<SmartGoalNode>][] = [
    [
      'Launch an in-app tutorial covering 5 core workflows',
      { measure: { type: 'milestones', milestones: ['Draft', 'Ship'] } },
    ],
    ['Put a read-through cache in front of the reporting queries', { definitionOfDone: undefined }],
    ['Write 30 support macros for the top billing questions', {}],
    ['Become a certified Kubernetes administrator', {}],
    ['Publish 3 finance-team templates in the gallery by 30 Nov', {}],
    ['Reduce CI build time from 20 to 8 minutes', { measure: dec(20, 8, 'min') }],
    ['Delete or fix every alert that paged more than 3 times in September', {}],
    ['Document best practices for code review', {}],
    ['Interview 12 churned customers and share the findings', {}],
    ['Migrate the billing service to PostgreSQL 16', { measure: { type: 'boolean' } }],
  ];
  it.each(goodSmart)('SMART goal "%s"', (title, overrides) => {
    const kr = measuredKr('k', 'Raise 7-day activation from 35% to 50%', inc(35, 50, '%'));
    const o = companyObjective('o', [kr, measuredKr('k2', 'Cut churn from 3% to 2%', dec(3, 2, '%'))]);
    const goal = smart('s', title, { parents: links('k'), ...overrides });
    const found = lint(org({ objectives: [{ ...o, kind: 'aspirational' }], smartGoals: [goal] }), {
      at: EARLY,
    });
    expect(found.findings.filter((f) => f.target === 's').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it.each([
    'Become the most trusted brand in cybersecurity',
    'Make the product feel instant for every customer',
    'Make onboarding effortless for every new team',
    'Win the hearts of mid-market finance teams',
    'Make support a reason customers stay with us',
    'Turn Europe into our second home market',
    'Make on-call calm enough that nobody dreads their week',
    'Earn the trust of regulated industries',
  ])('objective "%s"', (title) => {
    const krs = [
      measuredKr('k1', 'Raise 7-day activation from 35% to 50%', inc(35, 50, '%'), { leading: true }),
      measuredKr('k2', 'Cut churn from 3% to 2%', dec(3, 2, '%')),
    ];
    const o = companyObjective('o', krs, { title, kind: 'aspirational' });
    const found = lint(org({ objectives: [o] }), { at: EARLY }).findings;
    expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});
