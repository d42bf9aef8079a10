import { describe, expect, it } from 'vitest';
import { lexicon } from './lexicon';
import { metricWords, readTitle } from './text';

const lex = lexicon('en');
const read = (title: string) => readTitle(title, lex);

describe('reading numbers in titles', () => {
  it.each([
    ['Grow weekly active teams from 1,200 to 2,000', 1200, 2000, undefined],
    ['Cut p95 latency from 800ms to 300ms', 800, 300, 'ms'],
    ['Increase conversion from 2% to 2.5%', 2, 2.5, '%'],
    ['Grow ARR from $1.2M to $2M', 1_200_000, 2_000_000, '$'],
    ['Reduce time-to-hire from 90 to 45 days', 90, 45, 'd'],
    ['Reduce median time to first dashboard from 30 to 10 minutes', 30, 10, 'min'],
    ['Increase NPS 45 to 65', 45, 65, undefined],
    ['Increase NPS: 45 -> 65', 45, 65, undefined],
    ['Increase NPS 45 → 65', 45, 65, undefined],
    ['Grow to 65 from 45', 45, 65, undefined],
    ['Raise NRR from 104 percent to 112 percent', 104, 112, '%'],
    ['Grow revenue from €800k to €1.5m', 800_000, 1_500_000, '€'],
    ['Improve gross margin from -5% to 10%', -5, 10, '%'],
    ['Grow active teams from 1,500 to 2000', 1500, 2000, undefined],
    ['REDUCE CHURN FROM 3% TO 1.5%.', 3, 1.5, '%'],
    // Words between "from" and the start value.
    ['Increase unit test coverage to 75 % from current 45 %', 45, 75, '%'],
    ['Grow NPS from the current 30 to 45', 30, 45, undefined],
    ["Cut churn from today's 3% to 2%", 3, 2, '%'],
    ['Raise weekly demos to 40 from a baseline of 25', 25, 40, undefined],
    ['Achieve 99.95% uptime (from current 99.7%)', 99.7, 99.95, '%'],
    // The start in the target's unit.
    ['Reduce MTTR from 2 hours to 30 minutes', 120, 30, 'min'],
    ['Cut p95 latency from 1.2s to 300ms', 1200, 300, 'ms'],
  ])('"%s" goes from %d to %d (%s)', (title, from, to, unit) => {
    const facts = read(title);
    expect(facts.fromTo?.from.value).toBe(from);
    expect(facts.fromTo?.to.value).toBe(to);
    expect(facts.fromTo?.from.unit).toBe(unit);
    expect(facts.fromTo?.to.unit).toBe(unit);
  });

  it.each([
    ['Reduce churn by 20%', 20, '%'],
    ['Grow revenue by $1M', 1_000_000, '$'],
    ['Cut support backlog in half', -50, '%'],
    ['Halve onboarding time', -50, '%'],
    ['Double weekly signups', 100, '%'],
    ['Triple the partner pipeline', 200, '%'],
    ['10x API usage', 900, '%'],
    // A "from" after a change is not a start of a pair ("by 20% from 5%" is ambiguous).
    ['Reduce churn by 20% from 5%', 20, '%'],
  ])('"%s" is a change of %d %s', (title, amount, unit) => {
    const facts = read(title);
    expect(facts.change).toMatchObject({ amount, unit });
    expect(facts.fromTo).toBeUndefined();
  });

  it.each([
    ['Raise NPS to 70', 70, 'target'],
    ['Reduce churn to 1.5%', 1.5, 'target'],
    ['Reach 10,000 weekly active users', 10_000, 'target'],
    ['NPS >= 50 all quarter', 50, 'at_least'],
    ['Keep API availability at or above 99.9% every week', 99.9, 'at_least'],
    ['Keep p95 latency under 300ms', 300, 'at_most'],
    ['Answer every ticket within 4 hours', 4, 'at_most'],
    ['Hold 20 customer calls', 20, 'plain'],
  ])('"%s" holds %d as a %s', (title, value, role) => {
    const q = read(title).quantities.find((x) => x.value === value);
    expect(q?.role).toBe(role);
  });

  it.each([
    ['Ship v2 onboarding'],
    ['Cut p95 latency'],
    ['Make Q4 our strongest quarter'],
    ['Offer 24/7 support'],
    ['Sell into B2B accounts'],
    ['Run a 1:1 with every report'],
    ['Publish the 2026-10-01 release notes'],
    ['Go live at 9am'],
    ['Launch on March 4'],
    ['Ship it by 4 March'],
    ['Execute the deliverables in preparation for May 1 launch'],
    ['Write the welcome letters by 8/1/2014'],
    ['Increase customer confidence in a one-of-a-kind product'],
    ['Ensure each one participates in at least one of the hackathons'],
    ['Make someone accountable'],
  ])('"%s" holds no metric number', (title) => {
    expect(read(title).quantities).toEqual([]);
  });

  it.each([
    ['Achieve ISO 27001 certification', 'isName'],
    ['Pass the SOC 2 Type 2 audit', 'isName'],
    ['Win the market by 2027', 'isYear'],
  ] as const)('"%s" holds a number that is a name or a year', (title, flag) => {
    const facts = read(title);
    expect(facts.quantities.length).toBeGreaterThan(0);
    for (const q of facts.quantities) expect(q.isName || q.isYear).toBe(true);
    expect(facts.quantities.some((q) => q[flag])).toBe(true);
    expect(facts.target).toBeUndefined();
  });

  it('quotes numbers back as written', () => {
    expect(read('Grow revenue to $5M').quantities[0]?.text).toBe('$5M');
  });
});

describe('numbers as people write them', () => {
  it.each([
    ['Increase sales by ten percent in the quarter', 10, '%', 'change'],
    ['Provide six million households with access', 6e6, undefined, 'plain'],
    ['Hire twenty-five engineers', 25, undefined, 'plain'],
    ['Identify two processes that need to be improved', 2, undefined, 'plain'],
    ['Add one new person a month', 1, undefined, 'plain'],
    ['Answer each call on the 2nd ring', 2, undefined, 'plain'],
    ['Lose 20lbs by March 15th', 20, 'lb', 'plain'],
    ['Handle 1TB of uploads a day', 1, 'TB', 'plain'],
    ['Reduce complaints from 20/month to 5/month', 20, undefined, 'start'],
    ['A 5% reduction in churn', -5, '%', 'change'],
  ])('"%s" holds %d %s as a %s', (title, value, unit, role) => {
    const facts = read(title);
    const q = facts.quantities.find((x) => x.value === value || (role === 'change' && x.role === 'change'));
    expect(q?.unit).toBe(unit);
    expect(q?.role).toBe(role);
    if (role === 'change') expect(facts.change?.amount).toBe(value);
  });

  it('reads an ordinal as an ordinal, and a date beside it as no number', () => {
    expect(read('Answer each call on the 2nd ring').quantities[0]?.isOrdinal).toBe(true);
    expect(read('Lose 20lbs by March 15th').quantities.map((q) => q.text)).toEqual(['20lbs']);
    expect(read('Performance reviews completed by Jan 31, 2021').quantities.map((q) => q.text)).toEqual([
      '2021',
    ]);
    expect(read('Hire 4 engineers in March').quantities.map((q) => q.value)).toEqual([4]);
  });

  it.each([
    ['Cut support tickets by a third', -100 / 3],
    ['Grow referrals by a quarter', 25],
    ['Get twice as many referrals', 100],
    ['Double weekly signups', 100],
  ])('"%s" is a relative change of %d%%', (title, amount) => {
    expect(read(title).change?.amount).toBeCloseTo(amount);
  });

  it.each([
    ['Meet twice a week', 'twice'],
    ['Communicate with the property manager daily', 'daily'],
    ['Meet with colleagues once per academic semester', 'once'],
    ['Walk 5 days per week', 'per week'],
    ['Grow monthly active users', undefined],
    ['Grow annual recurring revenue', undefined],
  ])('"%s" happens %s', (title, frequency) => {
    expect(read(title).frequency).toBe(frequency);
    expect(read(title).change).toBeUndefined();
  });
});

describe('reading direction and verbs', () => {
  it.each([
    ['Reduce churn from 3% to 1.5%', 'down'],
    ['Cut p95 latency from 800ms to 300ms', 'down'],
    ['Lower cost per lead', 'down'],
    ['We will shrink the backlog', 'down'],
    ['Grow weekly active teams', 'up'],
    ['Increase NPS', 'up'],
    ['Raise conversion', 'up'],
    ['Churn reduced to 1.5%', 'down'],
    ['Improve p95 latency', undefined],
    ['Increase retention by reducing churn', undefined],
    ['Lower-tier customers renew', undefined],
    ['Drop-off rate', undefined],
    ['A 5% reduction in churn', 'down'],
    ['A 15% increase in conversion rate', 'up'],
  ])('"%s" goes %s', (title, direction) => {
    expect(read(title).direction).toBe(direction);
  });

  it.each([
    ['Ship v2 onboarding', 'ship'],
    ['We will ship v2 onboarding', 'ship'],
    ['Successfully launch the portal', 'successfully launch'],
    ['Onboarding: reduce drop-off', 'reduce'],
    ['Meaningfully participate in incident reviews', 'participate'],
    ['To improve satisfaction, I will decrease response time', 'decrease'],
    ['In order to promote healthy living, hand out tips', 'hand'],
    ['By 30 June, implement the new system', 'implement'],
    ['I am going to lose 20 lbs', 'lose'],
    ['Monthly active users grow to 5,000', 'monthly'],
    ['Early adopters renew', 'early'],
  ])('"%s" has the main verb of "%s"', (title, words) => {
    const facts = read(title);
    expect(facts.tokens[facts.mainIndex]).toBe(words.split(' ').at(-1));
  });
});

describe('what a title measures', () => {
  it.each([
    ['Increase NPS from 45 to 65', ['nps']],
    ['Raise Net Promoter Score to 70', ['nps']],
    ['Keep NPS >= 50 all quarter', ['nps']],
    ['Reduce time to hire from 90 to 45 days', ['time-to-hire']],
    ['Grow weekly active users from 10k to 15k', ['wau']],
    ['Grow weekly active teams from 1,200 to 2,000', ['active', 'team', 'weekly']],
    ['Increase NPS for EMEA customers from 40 to 50', ['customer', 'emea', 'nps']],
  ])('"%s" measures %j', (title, words) => {
    expect(metricWords(read(title), lex)).toEqual(words);
  });
});
