import type { Measure } from '../measure';
import type { Checkin, KeyResultNode, Link, ObjectiveNode, Organisation, SmartGoalNode } from '../model';
import { dateWindow, parseMoment } from '../time';

/**
 * Small factories for tests: goals with sensible defaults in the 2026-Q4 cycle (UTC), so a test
 * states only what it is about.
 */

export const Q4 = dateWindow('2026-10-01', '2026-12-31', 'UTC');

/** The start of a day (or a date-time) in UTC. */
export const day = (text: string) => {
  const at = parseMoment(text, 'UTC');
  if (at === undefined) throw new Error(`bad test date ${text}`);
  return at;
};

/** Check-ins from `[date, value, confidence?]` tuples. */
export const checkins = (...points: [string, number, number?][]): Checkin[] =>
  points.map(([at, value, confidence]) => ({ at: day(at), value, confidence }));

export function keyResult(key: string, overrides: Partial<KeyResultNode> = {}): KeyResultNode {
  return {
    type: 'key_result',
    key,
    title: `Key result ${key}`,
    cycle: '2026-Q4',
    visibility: 'workspace',
    objectiveKey: 'o',
    weight: 1,
    progressSource: 'metric',
    plan: [],
    leading: false,
    measure: { type: 'increase', start: 0, target: 100 } satisfies Measure,
    missing: [],
    cadence: 'weekly',
    checkins: [],
    ...overrides,
  };
}

export function objective(
  key: string,
  keyResults: KeyResultNode[],
  overrides: Partial<ObjectiveNode> = {},
): ObjectiveNode {
  return {
    type: 'objective',
    key,
    title: `Objective ${key}`,
    cycle: '2026-Q4',
    visibility: 'workspace',
    kind: 'aspirational',
    state: 'active',
    window: Q4,
    parents: [],
    keyResults: keyResults.map((kr) => ({ ...kr, objectiveKey: key })),
    ...overrides,
  };
}

export function smartGoal(key: string, overrides: Partial<SmartGoalNode> = {}): SmartGoalNode {
  return {
    type: 'smart_goal',
    key,
    title: `SMART goal ${key}`,
    cycle: '2026-Q4',
    visibility: 'workspace',
    state: 'open',
    window: dateWindow('2026-10-01', '2026-11-30', 'UTC'),
    parents: [],
    measure: { type: 'increase', start: 0, target: 10 },
    missing: [],
    cadence: 'weekly',
    checkins: [],
    ...overrides,
  };
}

export const links = (...keys: (string | [string, number])[]): Link[] =>
  keys.map((k) => (typeof k === 'string' ? { key: k, weight: 1 } : { key: k[0], weight: k[1] }));

export function organisation(objectives: ObjectiveNode[], smartGoals: SmartGoalNode[] = []): Organisation {
  return { timeZone: 'UTC', cycles: [{ name: '2026-Q4', window: Q4 }], units: [], objectives, smartGoals };
}
