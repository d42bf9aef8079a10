import { describe, expect, it } from 'vitest';
import type { Organisation } from '../model';
import { lint } from './engine';
import { companyObjective, EARLY, measuredKr, smart } from './rules/testing';
import type { RuleId } from './types';
import { betterWording } from './wording';

const org = (objective: ReturnType<typeof companyObjective>): Organisation => ({
  timeZone: 'UTC',
  cycles: [],
  units: [{ key: 'company', leads: ['ceo@example.com'] }],
  objectives: [objective],
  smartGoals: [],
});

describe('betterWording: a title made from the goal itself, for "use this wording"', () => {
  const cases: {
    name: string;
    rule: RuleId;
    title: string;
    kr?: boolean;
    measure?: never;
    expected: string | undefined;
  }[] = [
    {
      name: 'drops the amount and its "to"',
      rule: 'objective-has-metric',
      title: 'Grow revenue to $5M in the mid-market',
      expected: 'Grow revenue in the mid-market',
    },
    {
      name: 'keeps "for" before the words that need it',
      rule: 'objective-has-metric',
      title: 'Make onboarding effortless for 500 new teams',
      expected: 'Make onboarding effortless for new teams',
    },
    {
      name: 'drops a percentage with "by"',
      rule: 'objective-has-metric',
      title: 'Delight customers by 20%',
      expected: 'Delight customers',
    },
    {
      name: 'has nothing to offer for an unrelated rule',
      rule: 'objective-length',
      title: 'Customer love',
      expected: undefined,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const o = companyObjective('o', [], { title: c.title });
      expect(betterWording({ rule: c.rule }, o)).toBe(c.expected);
    });

  it('turns the direction word of a KR to the measure and says its numbers', () => {
    const kr = measuredKr('a', 'Reduce activation rate', {
      type: 'increase',
      start: 35,
      target: 50,
      unit: '%',
    });
    expect(betterWording({ rule: 'kr-direction-conflict' }, kr)).toBe(
      'Raise activation rate from 35% to 50%',
    );
    const down = measuredKr('b', 'Grow churn from 3% to 2%', {
      type: 'decrease',
      start: 3,
      target: 2,
      unit: '%',
    });
    expect(betterWording({ rule: 'kr-direction-conflict' }, down)).toBe('Reduce churn from 3% to 2%');
  });

  it('puts the measure numbers into a title whose "from ... to" disagrees', () => {
    const kr = measuredKr('a', 'Raise NPS from 20 to 40', { type: 'increase', start: 20, target: 50 });
    expect(betterWording({ rule: 'kr-title-measure-mismatch' }, kr)).toBe('Raise NPS from 20 to 50');
  });

  it('gives a title the coach no longer flags for the same rule', () => {
    const kr = measuredKr('a', 'Reduce activation rate', {
      type: 'increase',
      start: 35,
      target: 50,
      unit: '%',
    });
    const second = measuredKr('b', 'Cut time to first value from 9 to 3 days', {
      type: 'decrease',
      start: 9,
      target: 3,
      unit: 'd',
    });
    const before = lint(
      org(companyObjective('o', [kr, second], { title: 'Make onboarding effortless for 500 new teams' })),
      { at: EARLY },
    );
    const rules = before.findings.map((f) => f.rule);
    expect(rules).toContain('kr-direction-conflict');
    expect(rules).toContain('objective-has-metric');
    const o = companyObjective('o', [kr, second], { title: 'Make onboarding effortless for 500 new teams' });
    const fixedKr = { ...kr, title: betterWording({ rule: 'kr-direction-conflict' }, kr)! };
    const fixedO = {
      ...o,
      title: betterWording({ rule: 'objective-has-metric' }, o)!,
      keyResults: [fixedKr, second],
    };
    const after = lint(org(fixedO), { at: EARLY }).findings.map((f) => f.rule);
    expect(after).not.toContain('kr-direction-conflict');
    expect(after).not.toContain('objective-has-metric');
  });

  it('offers nothing for a SMART goal without a numeric measure', () => {
    expect(
      betterWording(
        { rule: 'kr-direction-conflict' },
        smart('s', 'Reduce the backlog', { measure: { type: 'boolean' } }),
      ),
    ).toBeUndefined();
  });
});
