import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADVISOR_QUESTIONS,
  ADVISOR_SIGNAL_IDS,
  type AdvisorInput,
  type AdvisorSignalId,
  advise,
  advisorInputSchema,
  advisorResultSchema,
} from './advisor';

const ids = (input: AdvisorInput) => advise(input).signals.map((s) => s.id);
const signal = (input: AdvisorInput, id: AdvisorSignalId) => advise(input).signals.find((s) => s.id === id);

describe('advise: the decision', () => {
  it.each<[string, AdvisorInput, 'smart' | 'okr' | 'both', boolean]>([
    ['SMART signals only', { level: 'individual', personalDevelopment: true }, 'smart', false],
    ['OKR signals only', { level: 'company', breakthrough: true, inspire: true }, 'okr', false],
    [
      'both sides',
      { level: 'department', departmentsInvolved: 3, clearScopeDeliverable: true },
      'both',
      false,
    ],
    [
      'both, from the statement alone',
      { statement: 'Launch referrals to grow sign-ups by 30%' },
      'both',
      false,
    ],
    ['no signal', {}, 'smart', true],
    ['no signal, every answer neutral', { level: 'team', teamSize: 12, breakthrough: false }, 'smart', true],
  ])('%s', (_, input, recommendation, isDefault) => {
    const result = advise(input);
    expect(result.recommendation).toBe(recommendation);
    expect(result.isDefault).toBe(isDefault);
    expect(result.committed).toBe(false);
  });

  it('falls back to SMART and names the questions still open', () => {
    const result = advise({ level: 'team', teamSize: 12 });
    expect(result.signals).toEqual([]);
    expect(result.explanation).toContain('No signal found');
    expect(result.explanation).toContain('still open: statement, departments, certainty');
    expect(result.explanation).not.toContain('team size');
  });

  it('asks for a rephrased statement when every question is answered and none points a way', () => {
    const neutral: AdvisorInput = {
      statement: 'Quarterly plan',
      level: 'team',
      teamSize: 15,
      departmentsInvolved: 1,
      certaintyCritical: false,
      breakthrough: false,
      uncertainGround: false,
      inspire: false,
      personalDevelopment: false,
      clearScopeDeliverable: false,
      oneDimensionalSuccess: false,
    };
    const result = advise(neutral);
    expect(result.isDefault).toBe(true);
    expect(result.explanation).toContain('rephrase the statement');
  });

  it.each<[string, AdvisorInput, boolean]>([
    ['certainty critical at company level', { level: 'company', certaintyCritical: true }, true],
    ['certainty critical at department level', { level: 'department', certaintyCritical: true }, false],
    ['certainty critical at team level', { level: 'team', certaintyCritical: true }, false],
    ['company level, certainty not critical', { level: 'company', certaintyCritical: false }, false],
    ['certainty critical, level unknown', { certaintyCritical: true }, false],
  ])('committed suggestion: %s -> %s', (_, input, committed) => {
    const result = advise(input);
    expect(result.committed).toBe(committed);
    if (committed) {
      expect(result.recommendation).toBe('both');
      expect(result.explanation).toContain('a committed OKR');
    } else {
      expect(result.explanation).not.toContain('committed OKR');
    }
  });

  it('explains each recommendation with the labels of its signals', () => {
    expect(advise({ level: 'individual' }).explanation).toMatch(/^A SMART goal: owned by one person\./);
    expect(advise({ departmentsInvolved: 4 }).explanation).toMatch(
      /^An OKR: 4 departments must coordinate\./,
    );
    expect(advise({ level: 'company', teamSize: 6 }).explanation).toMatch(
      /^Both: an OKR sets the destination \(a strategic priority of the company\).*\(a small team\)/,
    );
  });
});

describe('advise: signals from the answers', () => {
  it.each<[AdvisorSignalId, AdvisorInput, AdvisorInput]>([
    ['personal-development', { personalDevelopment: true }, { personalDevelopment: false }],
    ['clear-scope-deliverable', { clearScopeDeliverable: true }, { clearScopeDeliverable: false }],
    ['certainty-critical', { certaintyCritical: true }, { certaintyCritical: false }],
    ['one-dimensional-success', { oneDimensionalSuccess: true }, { oneDimensionalSuccess: false }],
    ['breakthrough', { breakthrough: true }, { breakthrough: false }],
    ['uncertain-ground', { uncertainGround: true }, { uncertainGround: false }],
    ['inspire', { inspire: true }, { inspire: false }],
    ['small-team', { teamSize: 9 }, { teamSize: 10 }],
    ['small-team', { teamSize: 1 }, { teamSize: 40 }],
    ['individual-level', { level: 'individual' }, { level: 'team' }],
    ['strategic-level', { level: 'company' }, { level: 'team' }],
    ['strategic-level', { level: 'department' }, { level: 'individual' }],
    ['cross-department', { departmentsInvolved: 2 }, { departmentsInvolved: 1 }],
    ['cross-department', { departmentsInvolved: 7 }, { departmentsInvolved: 0 }],
  ])('%s fires on %o, not on %o', (id, firing, lookAlike) => {
    expect(ids(firing)).toEqual([id]);
    expect(ids(lookAlike)).not.toContain(id);
  });

  it('puts each signal on its side, with the answer in its reason', () => {
    expect(signal({ teamSize: 6 }, 'small-team')).toMatchObject({ side: 'smart', source: 'answer' });
    expect(signal({ teamSize: 6 }, 'small-team')?.reason).toContain('6 people');
    expect(signal({ level: 'department' }, 'strategic-level')).toMatchObject({ side: 'okr' });
    expect(signal({ level: 'department' }, 'strategic-level')?.reason).toContain('of the department');
    expect(signal({ departmentsInvolved: 3 }, 'cross-department')?.reason).toMatch(/^3 departments/);
  });

  it('lists signals in a stable order, SMART first', () => {
    const input: AdvisorInput = {
      statement: 'Launch the app to reduce churn from 5% to 3%',
      inspire: true,
      level: 'company',
      teamSize: 4,
      personalDevelopment: true,
    };
    expect(ids(input)).toEqual([
      'personal-development',
      'small-team',
      'output-statement',
      'strategic-level',
      'inspire',
      'outcome-statement',
    ]);
  });
});

describe('advise: signals from the statement', () => {
  it.each<[string, string]>([
    ['Launch the partner portal by June', 'launch'],
    ['We will ship v2 of the mobile app', 'ship'],
    ["I'll complete the security training", 'complete'],
    ['Get certified as an AWS Solutions Architect', 'get certified'],
    ['Become a certified Scrum Master', 'become a certified'],
    ['Hire 5 engineers', 'hire'],
    ['Roll out single sign-on to every team', 'roll out'],
    ['- Build the new pricing page', 'build'],
    ['Q3 plan. Migrate billing to Stripe', 'migrate'],
  ])('output: "%s"', (statement, evidence) => {
    const found = signal({ statement }, 'output-statement');
    expect(found).toMatchObject({ side: 'smart', source: 'statement', evidence });
    expect(found?.reason).toContain(`("${evidence}")`);
  });

  it.each([
    'Reduce build time from 12 to 6 minutes',
    'Shipping costs fall below $5',
    'Our launch went well',
    'Reduce build and ship time',
    'Completed the audit',
    'Launchpad adoption across teams',
    'Re-build trust with partners',
  ])('no output on the look-alike "%s"', (statement) => {
    expect(ids({ statement })).not.toContain('output-statement');
  });

  it.each<[string, string]>([
    ['Reduce time-to-hire from 90 to 45 days', 'reduce time-to-hire from 90 to 45'],
    ['Reduce churn from 2.5% to 1.5%', 'reduce churn from 2.5% to 1.5%'],
    ['Grow revenue by 20%', 'grow revenue by 20%'],
    ['Increase activation to 40%', 'increase activation to 40%'],
    ['Cut support costs from $80k to $50k', 'cut support costs from $80k to $50k'],
    ['Become the go-to bank for freelancers', 'become'],
    ['Make onboarding something customers love', 'customers love'],
    ['We will delight our customers at every step', 'delight our customers'],
  ])('outcome: "%s"', (statement, evidence) => {
    expect(signal({ statement }, 'outcome-statement')).toMatchObject({
      side: 'okr',
      source: 'statement',
      evidence,
    });
  });

  it.each([
    'Improve onboarding',
    'Reduce the backlog',
    'Migrate from MySQL 5 to PostgreSQL 16',
    'Move the office from floor 2 to floor 5',
    'Our customers loved the old design',
    'Increased sign-ups from 200 to 500',
    'Become certified in AWS',
    'Help the team become faster',
    'Reduced-price plans from 10 to 20 countries',
  ])('no outcome on the look-alike "%s"', (statement) => {
    expect(ids({ statement })).not.toContain('outcome-statement');
  });

  it('reads a statement holding an output and an outcome as both', () => {
    const result = advise({
      statement: 'Launch a referral programme to increase weekly sign-ups from 200 to 500',
    });
    expect(result.recommendation).toBe('both');
    expect(signal({ statement: 'Launch a referral programme' }, 'outcome-statement')).toBeUndefined();
  });

  it('ignores case, curly apostrophes and spacing', () => {
    expect(signal({ statement: '  WE’LL   SHIP the beta' }, 'output-statement')?.evidence).toBe('ship');
  });

  it('raises nothing on an empty or blank statement', () => {
    expect(ids({ statement: '' })).toEqual([]);
    expect(ids({ statement: '   ' })).toEqual([]);
  });
});

describe('advisorInputSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['an empty answer set', {}, true],
    [
      'every answer',
      { statement: 'x', locale: 'en', level: 'team', teamSize: 3, departmentsInvolved: 1 },
      true,
    ],
    ['an unknown key', { size: 3 }, false],
    ['a zero team size', { teamSize: 0 }, false],
    ['a fractional team size', { teamSize: 2.5 }, false],
    ['an unknown level', { level: 'division' }, false],
    ['an unknown locale', { locale: 'xx' }, false],
    ['a yes/no answer as a string', { inspire: 'yes' }, false],
  ])('%s -> valid %s', (_, input, valid) => {
    expect(advisorInputSchema.safeParse(input).success).toBe(valid);
  });

  it('has one question per answer except the locale', () => {
    const keys = Object.keys(advisorInputSchema.shape).filter((key) => key !== 'locale');
    expect(ADVISOR_QUESTIONS.map((q) => q.key).sort()).toEqual(keys.sort());
  });
});

describe('advise: properties', () => {
  const input = fc.record(
    {
      statement: fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('Launch X', 'Reduce churn from 5% to 3%', 'Become great'),
      ),
      level: fc.constantFrom('company', 'department', 'team', 'individual'),
      teamSize: fc.integer({ min: 1, max: 500 }),
      departmentsInvolved: fc.integer({ min: 0, max: 20 }),
      certaintyCritical: fc.boolean(),
      breakthrough: fc.boolean(),
      uncertainGround: fc.boolean(),
      inspire: fc.boolean(),
      personalDevelopment: fc.boolean(),
      clearScopeDeliverable: fc.boolean(),
      oneDimensionalSuccess: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('returns a valid result whose recommendation follows the sides of its signals', () => {
    fc.assert(
      fc.property(input, (answers) => {
        const result = advisorResultSchema.parse(advise(answers));
        const sides = new Set(result.signals.map((s) => s.side));
        const expected = sides.size === 2 ? 'both' : sides.has('okr') ? 'okr' : 'smart';
        expect(result.recommendation).toBe(expected);
        expect(result.isDefault).toBe(sides.size === 0);
        expect(new Set(result.signals.map((s) => s.id)).size).toBe(result.signals.length);
        expect(result.signals.every((s) => ADVISOR_SIGNAL_IDS.includes(s.id))).toBe(true);
      }),
    );
  });
});
