import { describe, expect, it } from 'vitest';
import type { SmartGoalNode } from '../../model';
import { checkins, day, links } from '../../testing/factories';
import { dateWindow } from '../../time';
import { lint } from '../engine';
import { hits, onSmart, org, smart } from './testing';

const goal = (title: string, overrides: Partial<SmartGoalNode> = {}) => smart('s', title, overrides);

describe('smart-not-specific', () => {
  it.each([
    [goal('Become a world-class sales organisation'), 'warning'],
    [goal('Deliver best-in-class onboarding'), 'warning'],
    [goal('Be the best support team in SaaS'), 'warning'],
    [goal('Become the on-call lead for billing'), 'info'],
    [goal('Improve the dashboard', { definitionOfDone: undefined }), 'info'],
    [goal('Become AWS certified'), 'none'],
    [goal('Document best practices for code review'), 'none'],
    [goal('Publish 3 finance-team templates by 30 Nov'), 'none'],
    [goal('Improve the dashboard load time'), 'none'],
    [goal('Be the #1 seller in the region by December'), 'warning'],
    [goal('Offer the best onboarding in the market'), 'warning'],
    [goal('Set a personal best in the 5k run'), 'none'],
    [goal('Publish the 10 best-selling templates'), 'none'],
  ])('"$0.title": %s', (g, expected) => {
    expect(onSmart('smart-not-specific', g)).toBe(expected);
  });
});

describe('smart-not-measurable', () => {
  const bare = { definitionOfDone: undefined, measure: undefined, missing: ['measure'] };
  it.each([
    [goal('Clean up the CRM', bare), 'warning'],
    [goal('Clean up the CRM', { ...bare, measure: { type: 'boolean' }, missing: [] }), 'info'],
    [goal('Clean up the CRM'), 'none'],
    [
      goal('Clean up the CRM', {
        ...bare,
        measure: { type: 'milestones', milestones: ['Dedupe', 'Archive'] },
      }),
      'none',
    ],
    [goal('Write 30 support macros', bare), 'none'],
    // Vague wishes: no number, no definition of done, no deliverable.
    [goal('Save money', bare), 'warning'],
    [goal('Learn a new skill', bare), 'warning'],
    [goal('Write better code', bare), 'warning'],
    [goal('Do my best', bare), 'warning'],
    [goal('Sales will go up', bare), 'warning'],
    [goal('I want to read more', bare), 'warning'],
    // Deliverables say when they are done; numbers, names and frequencies measure.
    [goal('Publish the FAQ', bare), 'none'],
    [goal('Send out welcome letters to incoming freshmen', bare), 'none'],
    [goal('Get a B2 in Spanish', bare), 'none'],
    [goal('Meet with health center employees once per academic semester', bare), 'none'],
    [goal('Increase sales by ten percent in the quarter', bare), 'none'],
    [goal('Answer each call on the 2nd ring', bare), 'none'],
    [goal('Lose 20lbs by March 15th', bare), 'none'],
    [goal('Save money by March 15th', bare), 'warning'],
    // An event that names what is its own definition of done; a bare one is not.
    [goal('Be promoted to district manager this year', bare), 'none'],
    [goal('Pass the AWS Solutions Architect exam', bare), 'none'],
    [goal('Get accepted into the leadership programme', bare), 'none'],
    [goal('Get promoted', bare), 'warning'],
    [goal('Get promoted this year', bare), 'warning'],
    [goal('Pass more exams', bare), 'warning'],
    [
      goal('Cut CI time', { ...bare, measure: { type: 'decrease', start: 20, target: 8 }, missing: [] }),
      'none',
    ],
  ])('"$0.title" %#: %s', (g, expected) => {
    expect(onSmart('smart-not-measurable', g)).toBe(expected);
  });
});

describe('smart-not-achievable', () => {
  const owned = (i: number, overrides: Partial<SmartGoalNode> = {}) =>
    smart(`s${i}`, `Write runbook ${i}`, {
      window: dateWindow('2026-10-01', `2026-11-${10 + i}`, 'UTC'),
      ...overrides,
    });

  it.each([
    ['6 open goals', Array.from({ length: 6 }, (_, i) => owned(i + 1)), ['s6 warning']],
    ['5 open goals', Array.from({ length: 5 }, (_, i) => owned(i + 1)), []],
    [
      '6 goals, one done',
      Array.from({ length: 6 }, (_, i) => owned(i + 1, i === 0 ? { state: 'done' } : {})),
      [],
    ],
    [
      '6 goals, two owners',
      Array.from({ length: 6 }, (_, i) => owned(i + 1, i === 0 ? { owner: 'li@example.com' } : {})),
      [],
    ],
  ])('capacity: %s', (_name, smartGoals, expected) => {
    expect(hits(org({ smartGoals }), 'smart-not-achievable')).toEqual(expected);
  });

  it('takes the capacity from the settings', () => {
    const smartGoals = Array.from({ length: 6 }, (_, i) => owned(i + 1));
    expect(
      hits(org({ smartGoals }), 'smart-not-achievable', { settings: { thresholds: { smartCapacity: 6 } } }),
    ).toEqual([]);
  });

  const paced = (overrides: Partial<SmartGoalNode>) =>
    goal('Write 30 support macros', {
      measure: { type: 'increase', start: 0, target: 30, unit: 'macros' },
      window: dateWindow('2026-10-01', '2026-11-30', 'UTC'),
      ...overrides,
    });
  const at = { at: day('2026-10-16') };
  it.each([
    ['far behind the pace', paced({ checkins: checkins(['2026-10-01', 0], ['2026-10-15', 1]) }), 'warning'],
    [
      'far behind, with a plan',
      paced({
        checkins: checkins(['2026-10-01', 0], ['2026-10-15', 1]),
        achievability: 'Two new writers join',
      }),
      'info',
    ],
    ['on pace', paced({ checkins: checkins(['2026-10-01', 0], ['2026-10-15', 8]) }), 'none'],
    ['one check-in', paced({ checkins: checkins(['2026-10-15', 1]) }), 'none'],
    ['check-ins a day apart', paced({ checkins: checkins(['2026-10-14', 0], ['2026-10-15', 1]) }), 'none'],
    ['going backwards', paced({ checkins: checkins(['2026-10-01', 3], ['2026-10-15', 1]) }), 'none'],
  ])('pace: %s', (_name, g, expected) => {
    expect(onSmart('smart-not-achievable', g, at)).toBe(expected);
  });

  it('writes its estimates as people would ("about 32 reports", not "about 32.1429 reports")', () => {
    const g = goal('Write 100 reports', {
      measure: { type: 'increase', start: 0, target: 100, unit: 'reports' },
      checkins: checkins(['2026-10-01', 0], ['2026-10-15', 7.5]),
    });
    const [finding] = lint(org({ smartGoals: [g] }), at).findings.filter(
      (f) => f.rule === 'smart-not-achievable',
    );
    expect(finding?.message).toMatch(
      /^At the recent pace \(about 3\.8 reports a week\) it reaches about \d+ reports by/,
    );
    expect(`${finding?.message} ${finding?.suggestion}`).not.toMatch(/\d\.\d{2,}/);
  });
});

describe('smart-not-relevant', () => {
  it.each([
    [goal('Write 30 support macros', { parents: [] }), 'warning'],
    [goal('Write 30 support macros'), 'none'],
    [goal('Write 30 support macros', { parents: links('o') }), 'none'],
  ])('%#: %s', (g, expected) => {
    expect(onSmart('smart-not-relevant', g)).toBe(expected);
  });
});

describe('smart-not-time-bound', () => {
  it.each([
    [goal('Write 30 support macros', { dueDate: undefined }), 'warning'],
    [
      goal('Write 30 support macros', {
        dueDate: '2027-01-31',
        window: dateWindow('2026-10-01', '2027-01-31', 'UTC'),
      }),
      'warning',
    ],
    [goal('Write 30 support macros'), 'none'],
    [
      goal('Write 30 support macros', {
        dueDate: '2026-12-31',
        window: dateWindow('2026-10-01', '2026-12-31', 'UTC'),
      }),
      'none',
    ],
  ])('%#: %s', (g, expected) => {
    expect(onSmart('smart-not-time-bound', g)).toBe(expected);
  });
});

describe('smart-should-be-kr', () => {
  it.each([
    [goal('Increase NPS from 45 to 60'), 'info'],
    [goal('Reduce churn from 3% to 2%'), 'info'],
    [goal('Grow weekly active users to 15,000'), 'info'],
    [goal('Reduce CI build time from 20 to 8 minutes'), 'none'],
    [goal('Write 30 support macros'), 'none'],
    [goal('Ship the churn dashboard'), 'none'],
    [goal('Analyse churn interviews'), 'none'],
  ])('"$0.title": %s', (g, expected) => {
    expect(onSmart('smart-should-be-kr', g)).toBe(expected);
  });
});

describe('smart-no-owner', () => {
  it.each([
    [goal('Write 30 support macros', { owner: undefined }), 'warning'],
    [goal('Write 30 support macros', { owner: 'ana@example.com & li@example.com' }), 'warning'],
    [goal('Write 30 support macros'), 'none'],
  ])('%#: %s', (g, expected) => {
    expect(onSmart('smart-no-owner', g)).toBe(expected);
  });
});
