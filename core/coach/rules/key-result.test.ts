import { describe, expect, it } from 'vitest';
import type { KeyResultNode } from '../../model';
import { links } from '../../testing/factories';
import { companyObjective, draftKr, hits, measuredKr, onKr, org, smart } from './testing';

const draft = (title: string, overrides: Partial<KeyResultNode> = {}) => draftKr('k', title, overrides);
const increase = (start: number, target: number, unit?: string) =>
  ({ type: 'increase', start, target, unit }) as const;

describe('kr-is-activity', () => {
  it.each([
    [draft('Consult with 10 enterprise customers'), 'warning'],
    [draft('Help the sales team close deals'), 'warning'],
    [draft('Work on the onboarding flow'), 'warning'],
    [draft('Attend 4 industry conferences'), 'warning'],
    [draft('Analyse churn drivers'), 'warning'],
    [draft('Track NPS weekly'), 'warning'],
    [draft('Hold 20 customer calls'), 'warning'],
    [draft('Publish 12 blog posts'), 'warning'],
    [draft('Make 200 sales calls', { leading: true }), 'info'],
    [draft('Help 50 customers adopt SSO to lift retention'), 'info'],
    [draft('Raise demo-to-close rate from 15% to 25%'), 'none'],
    [draft('Grow weekly active teams from 1,200 to 2,000'), 'none'],
    [draft('Cut support calls from 900 to 600 a week'), 'none'],
    [draft('Run 10 workshops that convert 30% of attendees'), 'none'],
    [draft('Support tickets resolved in a day from 60% to 80%'), 'none'],
    [draft('Helpdesk satisfaction from 80% to 90%'), 'none'],
    // Counts of doing the work, and activity verbs after a manner adverb.
    [draft('Post 30 times on Instagram'), 'warning'],
    [draft('Engineering teams contribute 1200 code reviews by end of every sprint'), 'warning'],
    [draft('1 engineer on each group has at least 1 functional commit to end to end tests'), 'warning'],
    [draft('Meaningfully participate in infrastructure incident reviews'), 'warning'],
    [draft('Run four webinars'), 'warning'],
    [draft('Make search 3 times faster'), 'none'],
    // Outcome counts: others produce them.
    [draft('Reach 10,000 monthly organic visits'), 'none'],
    [draft('Achieve 50 inbound demo requests from LinkedIn content'), 'none'],
    [draft('Generate 500 qualified leads via social'), 'none'],
  ])('"$0.title": %s', (kr, expected) => {
    expect(onKr('kr-is-activity', kr)).toBe(expected);
  });
});

describe('kr-not-measurable', () => {
  it.each([
    [draft('Improve onboarding'), 'warning'],
    [draft('Make the product better for admins'), 'warning'],
    [draft('Increase NPS', { missing: ['measure.target'], measure: undefined }), 'warning'],
    [measuredKr('k', 'Improve onboarding', increase(35, 50, '%')), 'none'],
    [draft('NPS >= 50 all quarter'), 'none'],
    [draft('Ship v2 onboarding'), 'none'],
    [draft('Reduce churn to 1.5%'), 'none'],
    [draft('Grow onboarding completion', { progressSource: 'aligned' }), 'none'],
    [draft('Increase NPS', { missing: ['measure.start'] }), 'none'],
    [draft('Double the number of active API integrations'), 'none'],
    // Deliverables are tasks (kr-should-be-smart), not unmeasurable.
    [draft('Renegotiate supplier contracts'), 'none'],
    [draft('Train the support team'), 'none'],
    [draft('Meaningfully participate in incident reviews'), 'none'],
    [draft('Reduce complaints from 20/month to 5/month'), 'none'],
    [draft('Grow the partner ecosystem by ten percent'), 'none'],
    [draft('Performance reviews completed by Jan 31, 2021'), 'none'],
    [draft('Get more leads'), 'warning'],
    [draft('Team happiness measure'), 'warning'],
  ])('"$0.title": %s', (kr, expected) => {
    expect(onKr('kr-not-measurable', kr)).toBe(expected);
  });
});

describe('kr-no-baseline', () => {
  it.each([
    [draft('Raise NPS to 70'), 'warning'],
    [draft('Reduce churn to 1.5%'), 'warning'],
    [draft('Reach 10,000 weekly active users'), 'warning'],
    [draft('Increase average weekly visits to 3.2 per active user'), 'warning'],
    [draft('Reach $1M in partner-sourced pipeline'), 'warning'],
    [draft('Grow revenue', { missing: ['measure.start'] }), 'warning'],
    [draft('Achieve 99.9% uptime'), 'info'],
    [draft('Reduce churn by 20%'), 'info'],
    [draft('Cut support backlog in half'), 'info'],
    [draft('Double weekly signups'), 'info'],
    [draft('Grow self-serve MRR by $50k'), 'info'],
    [draft('Increase NPS from 45 to 65', { missing: ['measure.start'] }), 'info'],
    [draft('Increase NPS from 45 to 65'), 'none'],
    [draft('NPS >= 50 all quarter'), 'none'],
    [draft('Keep p95 latency under 300ms'), 'none'],
    [draft('Win 20 new enterprise customers'), 'none'],
    [draft('Reach 500 new paying teams'), 'none'],
    [measuredKr('k', 'Reduce churn by 20%', { type: 'decrease', start: 2.5, target: 2, unit: '%' }), 'none'],
    [measuredKr('k', 'Raise NPS to 70', { type: 'at_least', threshold: 70 }), 'none'],
    [draft('Raise NPS to 70', { progressSource: 'aligned' }), 'none'],
  ])('"$0.title": %s', (kr, expected) => {
    expect(onKr('kr-no-baseline', kr)).toBe(expected);
  });
});

describe('kr-should-be-smart', () => {
  it.each([
    [draft('Ship v2 onboarding'), 'warning'],
    [draft('Hire 5 engineers'), 'warning'],
    [draft('Launch in 3 new markets'), 'warning'],
    [draft('Migrate billing to Stripe'), 'warning'],
    [draft('SSO shipped to all enterprise customers'), 'warning'],
    [draft('Build a partner directory'), 'info'],
    [draft('Launch the referral programme and get 500 referrals'), 'info'],
    [draft('Migrate 100% of services to Kubernetes'), 'info'],
    [draft('Publish 8 customer case studies'), 'warning'],
    [measuredKr('k', 'SOC 2 Type II report', { type: 'boolean' }), 'info'],
    [measuredKr('k', 'Partner programme', { type: 'milestones', milestones: ['Design', 'Pilot'] }), 'info'],
    [draft('Launch self-serve checkout to lift conversion from 2% to 3%'), 'none'],
    [draft('Grow weekly active teams from 1,200 to 2,000'), 'none'],
    [draft('Hold 20 customer calls'), 'none'],
    [draft('Build $2M of qualified pipeline'), 'none'],
    [draft('Test coverage from 60% to 80%'), 'none'],
    [draft('Release frequency from 2 to 8 a month'), 'none'],
    // Verbs of work beyond the deliverable list, and done words without a level.
    [draft('Renegotiate supplier contracts'), 'warning'],
    [draft('Train the support team'), 'warning'],
    [draft('Agree on the pricing model'), 'warning'],
    [draft('Identify two processes that slow onboarding'), 'warning'],
    [draft('Schedule quarterly business reviews'), 'warning'],
    [draft('Performance reviews completed by Jan 31, 2021'), 'warning'],
    // Money that picks what is counted ("accounts over $1m") is not a result.
    [draft('Undertake monthly review call with all accounts over $1m'), 'warning'],
    [draft('Prioritize accounts in 60+ receivables according to accounts with highest balance'), 'warning'],
    [draft('Propose a new pricing model to the board'), 'warning'],
    [draft('Raise the share of proposals validated by legal from 40% to 80%'), 'none'],
    [draft('Build $2M of qualified pipeline from accounts over 500 seats'), 'none'],
    [draft('Use of the mobile app from 20% to 35% of users'), 'none'],
    [draft('Review to merge time less than 4 days'), 'none'],
    [draft('Story points delivered every release are at least 90'), 'none'],
    [draft('NPS from users who completed activation ≥8'), 'none'],
    [draft('Run GitLab.com more efficiently'), 'none'],
  ])('"$0.title": %s', (kr, expected) => {
    expect(onKr('kr-should-be-smart', kr)).toBe(expected);
  });
});

describe('kr-all-lagging', () => {
  const lagging = [
    measuredKr('arr', 'Grow ARR from $4M to $6M', increase(4e6, 6e6, '$')),
    measuredKr('churn', 'Reduce churn from 3% to 2%', { type: 'decrease', start: 3, target: 2, unit: '%' }),
  ];
  const activation = measuredKr('act', 'Raise 7-day activation from 35% to 50%', increase(35, 50, '%'));
  it.each([
    ['every KR lagging', lagging, ['o info']],
    ['one tagged leading', [lagging[0]!, { ...lagging[1]!, leading: true }], []],
    ['one leading by nature', [lagging[0]!, activation], []],
    ['a single KR', [lagging[0]!], []],
  ])('%s', (_name, krs, expected) => {
    expect(hits(org({ objectives: [companyObjective('o', krs)] }), 'kr-all-lagging')).toEqual(expected);
  });
});

describe('kr-duplicate-metric', () => {
  const nps = measuredKr('nps', 'Increase NPS from 45 to 65', increase(45, 65));
  const units = [
    { key: 'company', leads: [] },
    { key: 'support', parent: 'company', leads: [] },
  ];
  it.each([
    [
      'same objective, synonyms',
      [[nps, draftKr('nps2', 'Raise Net Promoter Score to 70')]],
      ['nps2 warning'],
    ],
    ['same metric in another unit', [[nps], [draftKr('nps2', 'Keep NPS >= 50 all quarter')]], ['nps2 info']],
    ['another segment', [[nps, draftKr('nps2', 'Increase NPS for EMEA customers from 40 to 60')]], []],
    ['another metric', [[nps, draftKr('csat', 'Raise CSAT from 80% to 90%')]], []],
    [
      'another unit of measure',
      [
        [
          measuredKr('t1', 'Cut checkout time from 8 to 4', {
            type: 'decrease',
            start: 8,
            target: 4,
            unit: 's',
          }),
          measuredKr('t2', 'Cut checkout time from 30 to 20', {
            type: 'decrease',
            start: 30,
            target: 20,
            unit: '%',
          }),
        ],
      ],
      [],
    ],
  ])('%s', (_name, groups, expected) => {
    const objectives = groups.map((krs, i) =>
      companyObjective(`o${i}`, krs, i === 0 ? {} : { unit: 'support', parents: links('o0') }),
    );
    expect(hits(org({ objectives, units }), 'kr-duplicate-metric')).toEqual(expected);
  });

  it('ignores other cycles and aligned KRs', () => {
    const next = companyObjective('o1', [{ ...draftKr('nps2', 'Raise NPS to 70'), cycle: '2027-Q1' }], {
      cycle: '2027-Q1',
    });
    const aligned = companyObjective('o2', [
      draftKr('nps3', 'Raise NPS to 70', { progressSource: 'aligned' }),
    ]);
    const objectives = [companyObjective('o0', [nps]), next, aligned];
    expect(
      hits(
        org({ objectives, smartGoals: [smart('s', 'Call every detractor', { parents: links('nps3') })] }),
        'kr-duplicate-metric',
      ),
    ).toEqual([]);
  });
});
