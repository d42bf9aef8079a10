import type { KeyResultNode, ObjectiveNode, Organisation, SmartGoalNode, UnitNode } from '../../model';
import { day, keyResult, links, objective, Q4, smartGoal } from '../../testing/factories';
import { type LintOptions, lint } from '../engine';
import type { RuleId, Severity } from '../types';

/**
 * Small builders for coach tests: goals that are well written except for what a test states, and
 * a way to ask what one rule says about one goal.
 */

/** Early in 2026-Q4: nothing is stale yet. */
export const EARLY = day('2026-10-05');

/** A draft KR (no measure) with a title. */
export function draftKr(key: string, title: string, overrides: Partial<KeyResultNode> = {}): KeyResultNode {
  return keyResult(key, {
    title,
    measure: undefined,
    missing: ['measure'],
    owner: 'ana@example.com',
    ...overrides,
  });
}

/** A KR with a measure. */
export function measuredKr(
  key: string,
  title: string,
  measure: KeyResultNode['measure'],
  overrides: Partial<KeyResultNode> = {},
): KeyResultNode {
  return keyResult(key, { title, measure, missing: [], owner: 'ana@example.com', ...overrides });
}

/** A company objective with a lead, a kind and a decent title. */
export function companyObjective(
  key: string,
  keyResults: KeyResultNode[],
  overrides: Partial<ObjectiveNode> = {},
): ObjectiveNode {
  return objective(key, keyResults, {
    title: 'Make onboarding effortless for every new team',
    unit: 'company',
    lead: 'ceo@example.com',
    ...overrides,
  });
}

/** A SMART goal that is specific, measurable, owned, relevant and due in the cycle. */
export function smart(key: string, title: string, overrides: Partial<SmartGoalNode> = {}): SmartGoalNode {
  return smartGoal(key, {
    title,
    owner: 'ana@example.com',
    definitionOfDone: 'Live for every new workspace',
    parents: links('k'),
    dueDate: '2026-11-30',
    ...overrides,
  });
}

export function org(parts: {
  objectives?: ObjectiveNode[];
  smartGoals?: SmartGoalNode[];
  units?: UnitNode[];
}): Organisation {
  return {
    timeZone: 'UTC',
    cycles: [{ name: '2026-Q4', window: Q4 }],
    units: parts.units ?? [],
    objectives: parts.objectives ?? [],
    smartGoals: parts.smartGoals ?? [],
  };
}

/** What one rule finds in an organisation: `target severity` strings. */
export function hits(organisation: Organisation, rule: RuleId, options: Partial<LintOptions> = {}): string[] {
  return lint(organisation, { at: EARLY, ...options })
    .findings.filter((f) => f.rule === rule)
    .map((f) => `${f.target} ${f.severity}`);
}

/** The severity one rule gives a KR `k` of a company objective, or `none`. */
export function onKr(
  rule: RuleId,
  kr: KeyResultNode,
  objectiveOverrides: Partial<ObjectiveNode> = {},
  options: Partial<LintOptions> = {},
): Severity | 'none' {
  const o = companyObjective(
    'o',
    [
      kr,
      measuredKr('other', 'Keep weekly uptime at or above 99.9%', {
        type: 'at_least',
        threshold: 99.9,
        unit: '%',
      }),
    ],
    {
      kind: 'aspirational',
      ...objectiveOverrides,
    },
  );
  return severityOf(hits(org({ objectives: [o] }), rule, options), kr.key);
}

/** The severity one rule gives a SMART goal, or `none`. */
export function onSmart(
  rule: RuleId,
  goal: SmartGoalNode,
  options: Partial<LintOptions> = {},
  others: SmartGoalNode[] = [],
): Severity | 'none' {
  const o = companyObjective('o', [
    measuredKr('k', 'Raise 7-day activation from 35% to 50%', {
      type: 'increase',
      start: 35,
      target: 50,
      unit: '%',
    }),
  ]);
  return severityOf(hits(org({ objectives: [o], smartGoals: [goal, ...others] }), rule, options), goal.key);
}

/** The severity one rule gives an objective, or `none`. */
export function onObjective(
  rule: RuleId,
  o: ObjectiveNode,
  more: Partial<Parameters<typeof org>[0]> = {},
  options: Partial<LintOptions> = {},
): Severity | 'none' {
  const objectives = [o, ...(more.objectives ?? [])];
  return severityOf(hits(org({ ...more, objectives }), rule, options), o.key);
}

function severityOf(found: string[], key: string): Severity | 'none' {
  const mine = found.filter((h) => h.startsWith(`${key} `));
  if (mine.length > 1) throw new Error(`more than one finding for ${key}: ${mine.join('; ')}`);
  return (mine[0]?.split(' ')[1] as Severity | undefined) ?? 'none';
}
