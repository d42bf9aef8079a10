import { describe, expect, it } from 'vitest';
import type { Measure } from '../../measure';
import type { KeyResultNode, SmartGoalNode } from '../../model';
import { lint } from '../engine';
import { companyObjective, draftKr, EARLY, measuredKr, onKr, onSmart, org, smart } from './testing';

const kr = (title: string, measure?: Measure) =>
  measure ? measuredKr('k', title, measure) : draftKr('k', title);
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

describe('kr-direction-conflict', () => {
  it.each([
    [kr('Reduce churn from 3% to 5%'), 'error'],
    [kr('Grow weekly active teams from 2,000 to 1,200'), 'error'],
    [kr('Cut p95 latency from 800ms to 300ms', inc(300, 800, 'ms')), 'error'],
    [kr('Grow revenue', dec(5, 3)), 'error'],
    [kr('Increase NPS from 45 to 65', dec(65, 45)), 'error'],
    [kr('Improve p95 latency from 800ms to 300ms', inc(300, 800)), 'error'],
    [kr('Reduce churn from 3% to 1.5%', dec(3, 1.5, '%')), 'none'],
    [kr('Improve p95 latency from 800ms to 300ms', dec(800, 300, 'ms')), 'none'],
    [kr('Increase retention by reducing churn from 5% to 3%', dec(5, 3, '%')), 'none'],
    [kr('Lower-tier customers: grow from 100 to 200', inc(100, 200)), 'none'],
    [kr('Drop-off rate from 40% to 20%', dec(40, 20, '%')), 'none'],
    [kr('Keep error rate under 1%', { type: 'at_most', threshold: 1, unit: '%' }), 'none'],
    // Units of one dimension compare after conversion.
    [kr('Reduce mean time to recovery (MTTR) from 2 hours to 30 minutes'), 'none'],
    [kr('Reduce mean time to recovery from 30 minutes to 2 hours'), 'error'],
    [kr('Cut nightly backup size from 1.5 TB to 900 GB'), 'none'],
  ])('"$0.title": %s', (goal, expected) => {
    expect(onKr('kr-direction-conflict', goal)).toBe(expected);
  });

  it('checks SMART goals too', () => {
    const goal = smart('s', 'Reduce CI build time from 20 to 8 minutes', { measure: inc(8, 20, 'min') });
    expect(onSmart('kr-direction-conflict', goal)).toBe('error');
    expect(onSmart('kr-direction-conflict', { ...goal, measure: dec(20, 8, 'min') })).toBe('none');
  });
});

describe('kr-impossible-value', () => {
  it.each([
    [kr('Raise uptime', inc(99, 120, '%')), 'error'],
    [kr('Raise conversion from 80% to 120%'), 'error'],
    [
      kr('Keep utilisation of seats above 150', { type: 'at_least', threshold: 150, unit: 'percent' }),
      'none',
    ],
    [kr('Keep coverage above 150%', { type: 'at_least', threshold: 150, unit: '%' }), 'error'],
    [kr('Grow active customers', inc(-10, 40, 'customers')), 'error'],
    [kr('Raise net revenue retention from 104% to 115%', inc(104, 115, '%')), 'none'],
    [kr('Grow revenue by 150%'), 'none'],
    [kr('Keep availability at or above 99.9%', { type: 'at_least', threshold: 99.9, unit: '%' }), 'none'],
    [kr('Improve gross margin from -5% to 10%', inc(-5, 10, '%')), 'none'],
    [kr('Increase NPS from -10 to 20', inc(-10, 20, 'pts')), 'none'],
    [kr('Raise quota attainment from 90% to 110%'), 'none'],
  ])('"$0.title": %s', (goal, expected) => {
    expect(onKr('kr-impossible-value', goal)).toBe(expected);
  });
});

describe('kr-too-timid', () => {
  const cases: [KeyResultNode, 'aspirational' | 'committed' | undefined, string][] = [
    [kr('Increase conversion from 2% to 2.5%', inc(2, 2.5, '%')), 'aspirational', 'warning'],
    [kr('Reduce churn from 3% to 2.5%'), 'aspirational', 'warning'],
    [kr('Cut p95 latency from 800ms to 700ms', dec(800, 700, 'ms')), 'aspirational', 'warning'],
    [kr('Raise NPS from 45 to 50', inc(45, 50)), undefined, 'info'],
    [kr('Grow ARR from $4M to $4.4M', inc(4e6, 4.4e6, '$')), 'aspirational', 'info'],
    [kr('Grow revenue from 10 to 12', inc(10, 12, 'EUR')), 'aspirational', 'info'],
    [kr('Increase employee engagement score from 68 to 75'), 'aspirational', 'info'],
    [kr('Improve CSAT from 4.1 to 4.5'), 'aspirational', 'info'],
    [kr('Cut AWS spend from $120k to $90k per month'), 'aspirational', 'info'],
    [kr('Increase conversion from 2% to 2.5%', inc(2, 2.5, '%')), 'committed', 'none'],
    [kr('Increase NPS from 45 to 65', inc(45, 65)), 'aspirational', 'none'],
    [kr('Raise on-time delivery from 90% to 95%', inc(90, 95, '%')), 'aspirational', 'none'],
    [kr('Reduce churn from 3% to 1.5%', dec(3, 1.5, '%')), 'aspirational', 'none'],
    [kr('Grow integrations from 0 to 5', inc(0, 5)), 'aspirational', 'none'],
    // Near the ceiling: 82% to 90% closes 44% of the room left.
    [kr('Raise on-time delivery from 82% to 90%', inc(82, 90, '%')), 'aspirational', 'none'],
    [kr('Raise on-time delivery from 90% to 92%', inc(90, 92, '%')), 'aspirational', 'info'],
    // Stated in the title, with no measure.
    [draftKr('k', 'Increase visitors by 5%'), 'aspirational', 'warning'],
    [draftKr('k', 'Grow active contributors by 3%'), 'aspirational', 'warning'],
    [draftKr('k', 'A 5% reduction in churn'), 'aspirational', 'warning'],
    [draftKr('k', 'Increase weekly signups by ten percent'), 'aspirational', 'warning'],
    [draftKr('k', 'Increase sales by ten percent'), 'aspirational', 'info'],
    [draftKr('k', 'Increase conversion rate by 20%'), 'aspirational', 'info'],
    [draftKr('k', 'Increase visitors by 5%'), undefined, 'info'],
    [draftKr('k', 'Increase visitors by 5%'), 'committed', 'none'],
    [draftKr('k', 'Increase visitors by 50%'), 'aspirational', 'none'],
    [draftKr('k', 'Increase NPS by 5 points'), 'aspirational', 'none'],
    [draftKr('k', 'Cut support tickets by a third'), 'aspirational', 'none'],
  ];
  it.each(cases)('"$0.title" (%s): %s', (goal, kind, expected) => {
    expect(onKr('kr-too-timid', goal, { kind })).toBe(expected);
  });

  it('takes its ratio from the settings', () => {
    const goal = kr('Raise NPS from 45 to 50', inc(45, 50));
    expect(onKr('kr-too-timid', goal, {}, { settings: { thresholds: { timidRatio: 0.1 } } })).toBe('none');
  });
});

describe('target-too-wild', () => {
  const cases: [KeyResultNode, 'aspirational' | 'committed', string][] = [
    [kr('Raise conversion from 2% to 4%', inc(2, 4, '%')), 'committed', 'warning'],
    [kr('Grow weekly signups from 200 to 600', inc(200, 600, 'signups')), 'committed', 'warning'],
    [kr('Grow enterprise customers from 2 to 4', inc(2, 4, 'customers')), 'committed', 'info'],
    [kr('Raise conversion from 2% to 4%', inc(2, 4, '%')), 'aspirational', 'none'],
    [kr('Cut p95 latency from 800ms to 300ms', dec(800, 300, 'ms')), 'committed', 'none'],
    [kr('Grow weekly signups from 200 to 300', inc(200, 300)), 'committed', 'none'],
    [kr('Grow integrations from 0 to 5', inc(0, 5)), 'committed', 'none'],
  ];
  it.each(cases)('"$0.title" (%s): %s', (goal, kind, expected) => {
    expect(onKr('target-too-wild', goal, { kind })).toBe(expected);
  });

  it.each([
    [inc(100, 400, 'calls'), 'warning'],
    [inc(100, 150, 'calls'), 'none'],
    [dec(400, 100, 'ms'), 'none'],
  ])('SMART goals: %j: %s', (measure, expected) => {
    const goal: SmartGoalNode = smart('s', 'Make cold calls to EMEA prospects', { measure });
    expect(onSmart('target-too-wild', goal)).toBe(expected);
  });
});

describe('kr-title-measure-mismatch', () => {
  it.each([
    [kr('Increase NPS from 45 to 65', inc(40, 60)), 'warning'],
    [kr('Cut p95 latency from 800ms to 300ms', dec(800, 250, 'ms')), 'warning'],
    [kr('Increase NPS from 45 to 65', inc(45, 65)), 'none'],
    [kr('Grow ARR from $1.2M to $2M', inc(1_200_000, 2_000_000, '$')), 'none'],
    [kr('Grow ARR from $1.2M to $2M', inc(1.2, 2, '$M')), 'none'],
    [kr('Raise activation from 45% to 60%', inc(0.45, 0.6)), 'none'],
    [kr('Increase NPS from 45 to 65', dec(65, 45)), 'none'],
    [kr('Increase NPS', inc(40, 60)), 'none'],
  ])('"$0.title": %s', (goal, expected) => {
    expect(onKr('kr-title-measure-mismatch', goal)).toBe(expected);
  });
});

describe('measure-incomplete', () => {
  it.each([
    [draftKr('k', 'Increase NPS from 45 to 65'), 'info'],
    [draftKr('k', 'NPS >= 50 all quarter'), 'info'],
    [draftKr('k', 'Reduce churn from 3% to 5%'), 'none'],
    [draftKr('k', 'Raise NPS to 70'), 'none'],
    [draftKr('k', 'Improve onboarding'), 'none'],
    [draftKr('k', 'Ship v2 onboarding'), 'none'],
    [draftKr('k', 'Increase NPS from 45 to 65', { progressSource: 'aligned' }), 'none'],
    [kr('Increase NPS from 45 to 65', inc(45, 65)), 'none'],
  ])('"$0.title": %s', (goal, expected) => {
    expect(onKr('measure-incomplete', goal)).toBe(expected);
  });

  it.each([
    [smart('s', 'Write 30 support macros', { measure: undefined, missing: ['measure'] }), 'info'],
    [smart('s', 'Cut CI time from 20 to 8 minutes', { measure: undefined, missing: ['measure'] }), 'info'],
    [smart('s', 'Write support macros', { measure: undefined, missing: ['measure.target'] }), 'info'],
    [
      smart('s', 'Clean up the CRM', {
        measure: undefined,
        missing: ['measure'],
        definitionOfDone: undefined,
      }),
      'none',
    ],
    [smart('s', 'Write 30 support macros'), 'none'],
  ])('SMART goal "$0.title" %#: %s', (goal, expected) => {
    expect(onSmart('measure-incomplete', goal)).toBe(expected);
  });

  it('writes the measure the title states', () => {
    const o = companyObjective('o', [draftKr('k', 'Cut p95 latency from 800ms to 300ms')]);
    const found = lint(org({ objectives: [o] }), { at: EARLY }).findings.find(
      (f) => f.rule === 'measure-incomplete',
    );
    expect(found?.suggestion).toBe('Add measure: {type: decrease, start: 800, target: 300, unit: "ms"}');
  });
});
