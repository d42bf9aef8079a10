import type { GoalNode, Organisation } from '../model';
import type { EvaluationSettings } from '../settings';
import type { Instant } from '../time';
import { type Hit, isLive, LintContext, type Rule } from './context';
import { RULES } from './rules/index';
import {
  type CoachSettings,
  type CoachSettingsInput,
  coachSettingsSchema,
  effectiveSeverity,
} from './settings';
import { type Finding, type LintHistory, type LintResult, RULE_IDS, type RuleId } from './types';

export interface LintOptions {
  /** The moment the time-based rules (`stale`, `reported-vs-data`, `past-due-open`) judge by. */
  at: Instant;
  /** Workspace coach settings; defaults apply to anything left out. */
  settings?: CoachSettingsInput | undefined;
  /** Data a goals file lacks, such as past grades; rules that need it stay silent without it. */
  history?: LintHistory | undefined;
  /** The maths settings (timezone, thresholds) for the evaluation; the defaults of SPEC 3 otherwise. */
  evaluation?: EvaluationSettings | undefined;
}

const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));

/**
 * Lints an organisation's goals (SPEC 4): every enabled rule over every goal still being worked
 * on (finished goals only by the rules that judge how they were closed; dropped goals never),
 * findings in the order of the goals, then of the rules. Pure and deterministic: the same
 * organisation, moment and settings always give the same findings.
 *
 * @example
 * const { findings, summary } = lint(org, { at: Date.parse('2026-11-20'), settings: { rules: { 'kr-count': 'off' } } });
 * findings[0]; // { rule: 'kr-no-baseline', severity: 'warning', target: 'nps', message: '...', suggestion: '...' }
 */
export function lint(org: Organisation, options: LintOptions): LintResult {
  const settings: CoachSettings = coachSettingsSchema.parse(options.settings ?? {});
  const ctx = new LintContext(org, {
    at: options.at,
    settings,
    history: options.history,
    evaluation: options.evaluation,
  });
  const findings: Finding[] = [];
  /** Sort keys of the findings, by index: goal position, then rule position. */
  const sortKeys: number[] = [];
  const ruleCount = RULE_IDS.length;
  const rules = RULES.filter((rule) => effectiveSeverity(rule.id, rule.severity, false, settings) !== 'off');
  const add = (rule: Rule, goal: GoalNode, hit: Hit | undefined) => {
    if (!hit) return;
    const severity = effectiveSeverity(rule.id, rule.severity, hit.isHedged === true, settings);
    if (severity === 'off') return;
    sortKeys.push((ctx.order.get(goal) ?? 0) * ruleCount + RULE_ORDER.get(rule.id)!);
    findings.push({
      rule: rule.id,
      severity,
      target: goal.key,
      targetType: goal.type,
      message: hit.message,
      suggestion: hit.suggestion,
      ...(goal.source ? { source: goal.source } : {}),
    });
  };

  const onObjective = rules.filter((r) => r.objective);
  const onKeyResult = rules.filter((r) => r.keyResult);
  const onSmartGoal = rules.filter((r) => r.smartGoal);
  const onFinished = (list: Rule[]) => list.filter((r) => r.judgesFinished);
  const finishedObjective = onFinished(onObjective);
  const finishedKeyResult = onFinished(onKeyResult);
  const finishedSmartGoal = onFinished(onSmartGoal);
  for (const objective of org.objectives) {
    if (objective.state === 'dropped') continue;
    const isOpen = isLive(objective);
    for (const rule of isOpen ? onObjective : finishedObjective)
      add(rule, objective, rule.objective!(objective, ctx));
    for (const kr of objective.keyResults) {
      for (const rule of isOpen ? onKeyResult : finishedKeyResult)
        add(rule, kr, rule.keyResult!(kr, objective, ctx));
    }
  }
  for (const goal of org.smartGoals) {
    if (goal.state === 'dropped') continue;
    for (const rule of isLive(goal) ? onSmartGoal : finishedSmartGoal)
      add(rule, goal, rule.smartGoal!(goal, ctx));
  }
  for (const rule of rules) {
    if (!rule.organisation) continue;
    for (const hit of rule.organisation(ctx)) add(rule, hit.goal, hit);
  }

  const sorted = findings
    .map((_, i) => i)
    .sort((a, b) => sortKeys[a]! - sortKeys[b]! || a - b)
    .map((i) => findings[i]!);
  let goals = org.smartGoals.length;
  for (const objective of org.objectives) goals += 1 + objective.keyResults.length;
  return { findings: sorted, summary: summarise(sorted, goals) };
}

/** Counts per severity. */
export function summarise(findings: readonly Finding[], goals: number): LintResult['summary'] {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, goals };
}

/** Every rule with its default severity and what fires it, for docs and help. */
export function describeRules(): { id: RuleId; severity: Rule['severity']; summary: string }[] {
  return RULES.map(({ id, severity, summary }) => ({ id, severity, summary }));
}
