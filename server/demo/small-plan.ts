/**
 * The plan of the small demo organisation (Northwind, a B2B software company): its units and
 * people, and a cascade of OKRs from the company to teams with SMART goals below, written the way
 * the coach asks (outcomes with baselines in KRs, deliverables in SMART goals).
 */
import type { z } from 'zod';
import type { measureSchema } from '../../core/measure';

/** A measure as the services take it. */
export type MeasureInput = z.input<typeof measureSchema>;

/** Departments and their teams. */
export const TEAMS: Record<string, string[]> = {
  Engineering: ['Platform', 'Checkout'],
  Product: ['Onboarding'],
  Sales: ['Mid-market'],
  'Customer Success': ['Support'],
};

/** People: one lead per department, four per team (the first leads it). */
export const NAMES = [
  'Jonas Weber',
  'Aisha Khan',
  'Tom Becker',
  'Lena Fischer',
  'Kwame Mensah',
  'Sofia Rossi',
  'Daniel Kim',
  'Priya Nair',
  'Lucas Martin',
  'Emma Johansson',
  'Omar Haddad',
  'Chloe Dubois',
  'Mateo García',
  'Hannah Schulz',
  'Yuki Tanaka',
  'Noah Williams',
  'Ines Moreau',
  'Ravi Patel',
  'Clara Hoffmann',
  'Felix Wagner',
  'Zara Ahmed',
  'Ben Carter',
  'Mia Novak',
  'Samuel Okafor',
  'Julia Lehmann',
  'Arjun Mehta',
  'Nora Lindqvist',
  'Leo Costa',
];

/** How a goal's check-ins go in the current cycle. */
export type Pace =
  /** Ahead of plan. */
  | 'ahead'
  | 'on_track'
  /** Behind: at risk or off track by now. */
  | 'behind'
  /** Checked in for a few weeks, then nothing: stale. */
  | 'stale';

export interface KeyResultPlan {
  key: string;
  title: string;
  /** No measure: the KR is measured by the objectives aligned to it. */
  measure?: MeasureInput;
  pace: Pace;
}

export interface SmartPlan {
  title: string;
  definitionOfDone: string;
  measure: MeasureInput;
  /** The KR (key) it supports. */
  supports: string;
  visibility?: 'private';
  pace: Pace;
  /** Weeks from the cycle start to its due date. */
  weeks: number;
}

export interface ObjectivePlan {
  key: string;
  title: string;
  unit: string;
  kind?: 'committed';
  /** Keys of the KRs (or objectives) it aligns to, with a weight when not 1. */
  alignsTo: { key: string; weight?: number }[];
  krs: KeyResultPlan[];
  smart: SmartPlan[];
}

const milestones = (...names: string[]) => ({ type: 'milestones' as const, milestones: names });

/** The cascade, company first, then departments, then teams (parents before children). */
export const PLAN: ObjectivePlan[] = [
  {
    key: 'trusted',
    title: 'Become the partner our customers trust most',
    unit: 'Northwind',
    alignsTo: [],
    krs: [
      {
        key: 'nps',
        title: 'Increase Net Promoter Score from 38 to 55',
        measure: { type: 'increase', start: 38, target: 55, unit: 'pts' },
        pace: 'on_track',
      },
      {
        key: 'churn',
        title: 'Reduce monthly logo churn from 4% to 2.5%',
        measure: { type: 'decrease', start: 4, target: 2.5, unit: '%' },
        pace: 'behind',
      },
      { key: 'experience', title: 'Raise customer effort score from 3.1 to 4.2 out of 5', pace: 'on_track' },
    ],
    smart: [],
  },
  {
    key: 'midmarket',
    title: 'Win the mid-market in our home region',
    unit: 'Northwind',
    alignsTo: [],
    krs: [
      {
        key: 'arr',
        title: 'Grow annual recurring revenue from 8.0M to 11.0M',
        measure: { type: 'increase', start: 8, target: 11, unit: 'M$' },
        pace: 'behind',
      },
      {
        key: 'nrr',
        title: 'Increase net revenue retention from 104% to 112%',
        measure: { type: 'increase', start: 104, target: 112, unit: '%' },
        pace: 'on_track',
      },
      { key: 'pipeline', title: 'Double qualified mid-market pipeline from 3M to 6M', pace: 'behind' },
    ],
    smart: [],
  },
  {
    key: 'cs',
    title: 'Make support a reason customers stay with us',
    unit: 'Customer Success',
    alignsTo: [{ key: 'experience' }],
    krs: [
      {
        key: 'first-response',
        title: 'Reduce median first response time from 6 to 1 hours',
        measure: { type: 'decrease', start: 6, target: 1, unit: 'h' },
        pace: 'ahead',
      },
      { key: 'csat', title: 'Raise support satisfaction from 86% to 94%', pace: 'on_track' },
    ],
    smart: [],
  },
  {
    key: 'product',
    title: 'Make the first week with Northwind feel effortless',
    unit: 'Product',
    alignsTo: [{ key: 'experience' }, { key: 'nrr', weight: 0.5 }],
    krs: [
      {
        key: 'activation',
        title: 'Increase week-one activation from 35% to 60%',
        measure: { type: 'increase', start: 35, target: 60, unit: '%' },
        pace: 'on_track',
      },
      { key: 'time-to-value', title: 'Cut time to first value from 12 to 3 days', pace: 'on_track' },
    ],
    smart: [],
  },
  {
    key: 'sales',
    title: 'Build a mid-market pipeline we can count on',
    unit: 'Sales',
    alignsTo: [{ key: 'pipeline' }],
    krs: [
      {
        key: 'meetings',
        title: 'Increase first meetings that become opportunities from 20% to 35%',
        measure: { type: 'increase', start: 20, target: 35, unit: '%' },
        pace: 'behind',
      },
      { key: 'win-rate', title: 'Raise mid-market win rate from 18% to 28%', pace: 'behind' },
    ],
    smart: [],
  },
  {
    key: 'engineering',
    title: 'Let customers rely on every release',
    unit: 'Engineering',
    kind: 'committed',
    alignsTo: [{ key: 'experience', weight: 0.5 }],
    krs: [
      {
        key: 'deploys',
        title: 'Increase production deploys per week from 6 to 20',
        measure: { type: 'increase', start: 6, target: 20, unit: 'deploys' },
        pace: 'ahead',
      },
      {
        key: 'reliability',
        title: 'Reduce customer-facing incidents from 9 to 3 a quarter',
        pace: 'on_track',
      },
    ],
    smart: [],
  },
  {
    key: 'support',
    title: 'Answer every customer quickly and kindly',
    unit: 'Support',
    alignsTo: [{ key: 'csat' }, { key: 'time-to-value', weight: 0.5 }],
    krs: [
      {
        key: 'csat-band',
        title: 'Keep weekly CSAT between 90% and 100%',
        measure: { type: 'between', low: 90, high: 100, unit: '%' },
        pace: 'on_track',
      },
      {
        key: 'backlog',
        title: 'Reduce tickets older than three days from 120 to 20',
        measure: { type: 'decrease', start: 120, target: 20, unit: 'tickets' },
        pace: 'ahead',
      },
    ],
    smart: [
      {
        title: 'Publish 25 help-centre articles for the most asked questions',
        definitionOfDone: '25 articles live and linked from the support widget',
        measure: { type: 'increase', start: 0, target: 25, unit: 'articles' },
        supports: 'backlog',
        pace: 'ahead',
        weeks: 10,
      },
      {
        title: 'Complete the de-escalation training course',
        definitionOfDone: 'Course certificate filed with my lead',
        measure: { type: 'boolean' },
        supports: 'csat-band',
        visibility: 'private',
        pace: 'on_track',
        weeks: 8,
      },
    ],
  },
  {
    key: 'onboarding',
    title: 'Make setup effortless for new customers',
    unit: 'Onboarding',
    alignsTo: [{ key: 'time-to-value' }, { key: 'csat', weight: 0.5 }],
    krs: [
      {
        key: 'setup-steps',
        title: 'Reduce required setup steps from 14 to 6',
        measure: { type: 'decrease', start: 14, target: 6, unit: 'steps' },
        pace: 'on_track',
      },
      {
        key: 'guided-setup',
        title: 'Increase guided setup completion from 30% to 70%',
        measure: { type: 'increase', start: 30, target: 70, unit: '%' },
        pace: 'stale',
      },
    ],
    smart: [
      {
        title: 'Ship the guided setup checklist to all new workspaces',
        definitionOfDone: 'Checklist on for every workspace created after launch',
        measure: milestones('Design', 'Build', 'Beta', 'Launch'),
        supports: 'guided-setup',
        pace: 'behind',
        weeks: 9,
      },
      {
        title: 'Run eight customer interviews about the first login',
        definitionOfDone: 'Eight interviews written up and shared with Product',
        measure: { type: 'increase', start: 0, target: 8, unit: 'interviews' },
        supports: 'setup-steps',
        pace: 'on_track',
        weeks: 6,
      },
    ],
  },
  {
    key: 'midmarket-team',
    title: 'Win more mid-market deals in our home region',
    unit: 'Mid-market',
    alignsTo: [{ key: 'win-rate' }],
    krs: [
      {
        key: 'team-win-rate',
        title: 'Increase qualified-to-won conversion from 18% to 28%',
        measure: { type: 'increase', start: 18, target: 28, unit: '%' },
        pace: 'behind',
      },
      {
        key: 'cycle-length',
        title: 'Reduce the median sales cycle from 60 to 45 days',
        measure: { type: 'decrease', start: 60, target: 45, unit: 'days' },
        pace: 'stale',
      },
    ],
    smart: [
      {
        title: 'Publish three mid-market case studies with named customers',
        definitionOfDone: 'Three approved case studies on the website',
        measure: milestones('Logistics case', 'Retail case', 'Healthcare case'),
        supports: 'team-win-rate',
        pace: 'behind',
        weeks: 11,
      },
      {
        title: 'Finish the enterprise negotiation course',
        definitionOfDone: 'All six modules completed and the final role-play passed',
        measure: milestones('Modules 1-3', 'Modules 4-6', 'Role-play'),
        supports: 'cycle-length',
        visibility: 'private',
        pace: 'on_track',
        weeks: 10,
      },
    ],
  },
  {
    key: 'checkout',
    title: 'Make checkout fast and dependable at peak load',
    unit: 'Checkout',
    alignsTo: [{ key: 'reliability' }],
    krs: [
      {
        key: 'latency',
        title: 'Reduce p95 checkout latency from 1200 to 400 ms',
        measure: { type: 'decrease', start: 1200, target: 400, unit: 'ms' },
        pace: 'on_track',
      },
      {
        key: 'payments',
        title: 'Keep payment success at least 98% every week',
        measure: { type: 'at_least', threshold: 98, unit: '%' },
        pace: 'behind',
      },
    ],
    smart: [
      {
        title: 'Move card payments to the new payment provider',
        definitionOfDone: 'All card traffic on the new provider; the old contract ended',
        measure: milestones('Sandbox', '10% traffic', '50% traffic', 'All traffic'),
        supports: 'payments',
        pace: 'on_track',
        weeks: 10,
      },
    ],
  },
  {
    key: 'platform',
    title: 'Make every release boring and safe',
    unit: 'Platform',
    kind: 'committed',
    alignsTo: [{ key: 'reliability' }],
    krs: [
      {
        key: 'change-failure',
        title: 'Keep change failure rate at most 5%',
        measure: { type: 'at_most', threshold: 5, unit: '%' },
        pace: 'on_track',
      },
      {
        key: 'restore',
        title: 'Reduce mean time to restore from 4 to 1 hours',
        measure: { type: 'decrease', start: 4, target: 1, unit: 'h' },
        pace: 'ahead',
      },
    ],
    smart: [
      {
        title: 'Publish the on-call handover runbook',
        definitionOfDone: 'Runbook reviewed by every on-call engineer and linked from the pager',
        measure: { type: 'boolean' },
        supports: 'restore',
        pace: 'ahead',
        weeks: 5,
      },
      {
        title: 'Pass the cloud security certification exam',
        definitionOfDone: 'Certificate received',
        measure: { type: 'boolean' },
        supports: 'change-failure',
        visibility: 'private',
        pace: 'behind',
        weeks: 12,
      },
    ],
  },
];

/** Notes people write with check-ins, by how the goal is going. */
export const NOTES: Record<Pace, string[]> = {
  ahead: ['Ahead of plan; the new process is paying off.', 'Better than expected this week.'],
  on_track: ['Steady progress, no blockers.', 'On plan; next step is scheduled.', 'Moving as planned.'],
  behind: [
    'Slower than planned: two deals slipped to next month.',
    'Blocked on a dependency; escalated to the lead.',
    'Below plan; we are changing the approach.',
  ],
  stale: ['Picking this up again next week.'],
};

/** What was learned per objective at the last close-out. */
export const LESSONS = [
  'Weekly check-ins kept us honest; we should have picked leading metrics earlier.',
  'The target was right, the plan was too back-loaded; we will plan milestones per month.',
  'Two teams measured the same thing differently; we now share one dashboard.',
  'Good progress once ownership was clear; name a single owner from day one.',
];
