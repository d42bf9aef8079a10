import { describe, expect, it } from 'vitest';
import type { ObjectiveNode } from '../../model';
import { objective } from '../../testing/factories';
import { companyObjective, hits, measuredKr, onObjective, org } from './testing';

const titled = (title: string, overrides: Partial<ObjectiveNode> = {}) =>
  companyObjective('o', [], { title, kind: 'aspirational', ...overrides });

describe('objective-has-metric', () => {
  it.each([
    ['Grow revenue to $5M', 'warning'],
    ['Win 3 new enterprise markets', 'warning'],
    ['Reach 10k customers in Europe', 'warning'],
    ['Cut churn by 20% across the board', 'warning'],
    ['Be a top 3 vendor in the analyst ranking', 'info'],
    ['Make onboarding effortless for every new team', 'none'],
    ['Achieve ISO 27001 certification for the platform', 'none'],
    ['Pass our SOC 2 Type 2 audit with no exceptions', 'none'],
    ['Make Q4 our strongest quarter ever', 'none'],
    ['Win the enterprise market before 2027', 'none'],
    ['Offer 24/7 support that customers rave about', 'none'],
    // An age that picks what is counted is not a target; a time to reach still is.
    ['Reduce the amount of dollars in accounts receivable past 60 days due', 'none'],
    ['Clear the invoices over 90 days old', 'none'],
    ['Answer every ticket older than 30 days', 'none'],
    ['Collect every receivable within 30 days', 'warning'],
    ['Close the accounting books in 10 days', 'warning'],
    ['Make v2 the default for every customer', 'none'],
    ['Become the #1 choice for small teams', 'none'],
    ['Handle 1TB of uploads a day without a hiccup', 'warning'],
    ['Win ten new enterprise markets', 'warning'],
    ['Rank 1st in the analyst review', 'info'],
    ['Launch the partner portal on March 4', 'none'],
    ['Become one team across every office', 'none'],
    ['Increase customer confidence in a one-of-a-kind product', 'none'],
    ['Make new users successful in their first week', 'none'],
  ])('"%s": %s', (title, expected) => {
    expect(onObjective('objective-has-metric', titled(title))).toBe(expected);
  });
});

describe('objective-is-output', () => {
  it.each([
    ['Launch the partner portal', 'warning'],
    ['Migrate every customer to the new billing system', 'warning'],
    ['Implement SSO for enterprise customers', 'warning'],
    ['We will ship the mobile app', 'warning'],
    ['Hold a customer conference in Berlin', 'warning'],
    ['Complete the SOC 2 audit on time', 'warning'],
    ['Build a world-class engineering culture', 'info'],
    ['Create a community around our product', 'info'],
    ['Make partners successful without our help', 'none'],
    ['Delight customers at every touchpoint', 'none'],
    ['Launchpad customers love the product', 'none'],
    ['Become the platform developers build on', 'none'],
    ['Run the customer offsite', 'warning'],
    ['Run GitLab.com more efficiently', 'none'],
    ['Resolve the majority of customer issues before they escalate', 'none'],
    ['Train the support team', 'none'],
  ])('"%s": %s', (title, expected) => {
    expect(onObjective('objective-is-output', titled(title))).toBe(expected);
  });
});

describe('objective-business-as-usual', () => {
  it.each([
    ['Maintain our infrastructure', 'warning'],
    ['Continue to grow revenue in Europe', 'warning'],
    ['Keep customers happy', 'warning'],
    ['Sustaining our growth in the mid-market', 'warning'],
    ['Run support as usual through the holidays', 'warning'],
    ['Make maintenance painless for operators', 'none'],
    ['Build a sustainable business in Europe', 'none'],
    ['Help customers keep their data safe', 'none'],
    ['Continuous delivery for every team', 'none'],
  ])('"%s": %s', (title, expected) => {
    expect(onObjective('objective-business-as-usual', titled(title))).toBe(expected);
  });
});

describe('objective-length', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  it.each([
    ['Customer love', 'info'],
    ['Delight every customer', 'info'],
    [words(19), 'warning'],
    [words(4), 'none'],
    [words(18), 'none'],
  ])('"%s": %s', (title, expected) => {
    expect(onObjective('objective-length', titled(title))).toBe(expected);
  });

  it('takes its limits from the settings', () => {
    const settings = { thresholds: { minObjectiveWords: 2 } };
    expect(onObjective('objective-length', titled('Customer love'), {}, { settings })).toBe('none');
  });
});

describe('too-many-objectives', () => {
  const many = (n: number, overrides: Partial<ObjectiveNode>) =>
    Array.from({ length: n }, (_, i) => objective(`o${i + 1}`, [], { lead: 'a@x', ...overrides }));
  const units = [
    { key: 'company', leads: [] },
    { key: 'sales', parent: 'company', leads: [] },
  ];

  it.each([
    ['the company, 6', many(6, { unit: 'company' }), ['o6 warning']],
    ['the company, 5', many(5, { unit: 'company' }), []],
    ['a unit, 4', many(4, { unit: 'sales' }), ['o4 warning']],
    ['a unit, 3', many(3, { unit: 'sales' }), []],
    ['a person, 4', many(4, { owner: 'ana@x' }), ['o4 warning']],
    ['two units, 3 each', [...many(3, { unit: 'sales' }), ...many(3, { unit: 'company' })], []],
  ])('%s', (_name, objectives, expected) => {
    const distinct = objectives.map((o, i) => ({ ...o, key: `o${i + 1}` }));
    expect(hits(org({ objectives: distinct, units }), 'too-many-objectives')).toEqual(expected);
  });

  it('does not count dropped objectives or other cycles', () => {
    const objectives = many(5, { unit: 'sales' }).map((o, i) =>
      i === 0 ? { ...o, state: 'dropped' as const } : i === 1 ? { ...o, cycle: '2027-Q1' } : o,
    );
    expect(hits(org({ objectives, units }), 'too-many-objectives')).toEqual([]);
  });

  it('takes its limits from the settings', () => {
    const settings = { thresholds: { maxObjectivesUnit: 4 } };
    expect(
      hits(org({ objectives: many(4, { unit: 'sales' }), units }), 'too-many-objectives', { settings }),
    ).toEqual([]);
  });
});

describe('objective-no-lead', () => {
  it.each([
    [{ lead: undefined }, 'warning'],
    [{ lead: 'ana@example.com and li@example.com' }, 'warning'],
    [{ lead: 'ana@example.com, li@example.com' }, 'warning'],
    [{ lead: 'ana@example.com' }, 'none'],
    [{ lead: undefined, unit: undefined, owner: 'ana@example.com' }, 'none'],
  ])('%j: %s', (overrides, expected) => {
    expect(onObjective('objective-no-lead', titled('Make onboarding effortless for teams', overrides))).toBe(
      expected,
    );
  });
});

describe('objective-kind-missing', () => {
  it.each([
    [undefined, 'info'],
    ['aspirational', 'none'],
    ['committed', 'none'],
  ] as const)('kind %s: %s', (kind, expected) => {
    expect(onObjective('objective-kind-missing', titled('Make onboarding effortless', { kind }))).toBe(
      expected,
    );
  });
});

describe('kr-count', () => {
  const krs = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      measuredKr(`k${i}`, `Raise metric ${i} from 10 to 20`, { type: 'increase', start: 10, target: 20 }),
    );
  it.each([
    [0, 'warning'],
    [1, 'warning'],
    [2, 'none'],
    [5, 'none'],
    [6, 'warning'],
  ])('%d key results: %s', (n, expected) => {
    expect(onObjective('kr-count', companyObjective('o', krs(n)))).toBe(expected);
  });
});
