import { describe, expect, it } from 'vitest';
import { evaluateOrganisation } from '../evaluate';
import type { Organisation } from '../model';
import { parseMoment } from '../time';
import { buildOrganisation } from './model';
import { formatProblem, parseGoalsFile } from './parse';
import { goalsFileChunks, stringifyGoalsFile, writeGoalsFile } from './write';

const now = parseMoment('2026-11-20', 'UTC')!;

function load(text: string): Organisation {
  const parsed = parseGoalsFile(text, 'f.yaml');
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const built = buildOrganisation([parsed.parsed], { now });
  if (!built.ok) throw new Error(built.problems.map(formatProblem).join('\n'));
  return built.org;
}

/** Every kind of goal the file format has: measure types, plans, weights, links, history. */
const FULL = `version: 1
cycle: 2026-Q4
timezone: Europe/Berlin
units:
  - key: company
    name: Acme
    leads: [maria@example.com]
  - key: support
    name: Support
    parent: company
objectives:
  - key: trusted
    title: Become the most trusted brand in our market
    description: Trust is what we sell.
    unit: company
    lead: maria@example.com
    kind: aspirational
    key_results:
      - key: nps
        title: Increase Net Promoter Score from 45 to 65
        measure: { type: increase, start: 45, target: 65, unit: pts }
        weight: 2
        owner: maria@example.com
        plan: [{ at: 2026-11-15, expected: 0.2 }]
        checkins:
          - { at: 2026-10-12, value: 48, confidence: 7, note: "first survey" }
          - { at: 2026-11-02T09:30, value: 52.5 }
      - key: churn
        title: Reduce monthly churn from 4% to 2.5%
        measure: { type: decrease, start: 4, target: 2.5, unit: "%" }
        cadence: biweekly
        checkins: [{ at: 2026-10-20, value: 3.6 }]
      - key: uptime
        title: Keep uptime at least 99.9%
        measure: { type: at_least, threshold: 99.9, unit: "%" }
        leading: true
        checkins: [{ at: 2026-10-08, value: 99.95 }, { at: 2026-10-15, value: 99.8 }]
      - key: aligned-kr
        title: Support teams reach their goals
        source: aligned
  - key: calm-support
    title: Make support calm and fast for every customer
    unit: support
    kind: committed
    visibility: unit
    aligns_to: [{ key: aligned-kr, weight: 3 }, trusted]
    key_results:
      - key: reply
        title: Keep first reply time between 1 and 4 hours
        measure: { type: between, low: 1, high: 4, unit: h }
        checkins: [{ at: 2026-10-05, value: 3 }]
      - key: docs
        title: Ship the help centre
        measure: { type: milestones, milestones: [Draft, { name: Review, weight: 2 }, Ship] }
        checkins: [{ at: 2026-10-30, done: [Draft, Review] }]
smart_goals:
  - key: tutorial
    title: Launch an in-app tutorial covering 5 core workflows
    definition_of_done: Live for all users
    owner: ana@example.com
    supports: aligned-kr
    measure: { type: boolean }
    start: 2026-10-05
    due: 2026-11-15
    visibility: private
    achievability: Two weeks of work
    checkins: [{ at: 2026-10-20, done: false, confidence: 4 }, { at: 2026-11-10, done: true }]
  - key: macros
    title: Write 20 support macros
    owner: ana@example.com
    supports: reply
    measure: { type: increase, start: 0, target: 20, unit: macros }
    due: 2026-12-15
    state: open
    checkins: [{ at: 2026-11-01, value: 8 }]
`;

describe('writing goals files', () => {
  it('reads back with the same goals and the same numbers', () => {
    const org = load(FULL);
    const text = stringifyGoalsFile(writeGoalsFile(org), 'exported');
    expect(text.startsWith('# exported\nversion: 1\n')).toBe(true);
    // Goal by goal, the same text.
    const pieces = [...goalsFileChunks(org, {}, 'exported')];
    expect(pieces.length).toBe(1 + 1 + org.objectives.length + org.smartGoals.length + 1);
    expect(pieces.join('')).toBe(text);
    expect([...goalsFileChunks(load('version: 1\ncycle: 2026-Q4\n'))].join('')).toBe(
      stringifyGoalsFile(writeGoalsFile(load('version: 1\ncycle: 2026-Q4\n'))),
    );
    const again = load(text);
    const strip = (o: Organisation) =>
      JSON.parse(
        JSON.stringify(o, (key, value) =>
          key === 'source' && typeof value === 'object' ? undefined : value,
        ),
      );
    expect(strip(again)).toEqual(strip(org));
    for (const at of ['2026-10-20', '2026-11-20', '2027-01-05']) {
      const t = parseMoment(at, 'UTC')!;
      expect(evaluateOrganisation(again, t)).toEqual(evaluateOrganisation(org, t));
    }
  });

  it('writes a quarter by name and any other window as dates', () => {
    const quarter = writeGoalsFile(load('version: 1\ncycle: FY2027-Q1\nfiscal_year_start: 4\n'), {
      fiscalYearStart: 4,
    });
    expect(quarter.cycle).toBe('FY2027-Q1');
    expect(quarter.fiscal_year_start).toBe(4);
    const custom = writeGoalsFile(
      load('version: 1\ncycle: { name: Sprint 9, start: 2026-10-01, end: 2026-10-14 }\n'),
    );
    expect(custom.cycle).toEqual({ name: 'Sprint 9', start: '2026-10-01', end: '2026-10-14' });
  });

  it('keeps defaults out of the file', () => {
    const file = writeGoalsFile(load(FULL));
    const nps = file.objectives?.[0]?.key_results?.[0];
    expect(nps?.weight).toBe(2);
    expect(file.objectives?.[0]?.key_results?.[1]).not.toHaveProperty('weight');
    expect(file.objectives?.[0]).not.toHaveProperty('state');
    expect(file.objectives?.[0]).not.toHaveProperty('visibility');
    expect(file.smart_goals?.[1]).not.toHaveProperty('start');
  });
});
