import type { KeyResultNode, SmartGoalNode } from '../../model';
import type { LintContext } from '../context';
import { mainVerb, mentions, type Quantity, type TitleFacts, tokenIndexAt } from '../text';

/**
 * The shape of a measured goal's title, shared by the key-result and SMART rules so that one
 * problem gives one finding: a task, an activity, or an outcome with numbers.
 */
export interface Shape {
  facts: TitleFacts;
  /** The activity verb the title starts with ("consult", "work on"). */
  activityVerb?: string | undefined;
  /** A count of activities with no impact named ("20 customer calls"). */
  activityCount?: { quantity: Quantity; noun: string } | undefined;
  /** The deliverable verb the title starts with, or a done marker ("SSO shipped"). */
  taskVerb?: string | undefined;
  /** Whether the deliverable verb is a soft one ("build", "create"). */
  isSoftTask: boolean;
  /** Numbers that measure an outcome: a start and target, a percentage, an amount, a change. */
  hasOutcomeNumbers: boolean;
  /** Words naming the impact ("so that", "to lift"). */
  hasImpact: boolean;
  /** A task that belongs in the SMART tier: a deliverable, not an activity, with no outcome named. */
  isTask: boolean;
  /**
   * The task might carry an outcome: a share ("Migrate 100% of services") or a second clause with
   * a count ("Launch the referral programme and get 500 referrals").
   */
  isTaskUncertain: boolean;
}

const OUTCOME_UNITS = new Set(['pp', 'pts', '$', '€', '£', '¥']);
const shapes = new WeakMap<KeyResultNode | SmartGoalNode, Shape>();

/** The shape of a goal's title (cached per goal). */
export function shapeOf(goal: KeyResultNode | SmartGoalNode, ctx: LintContext): Shape {
  const known = shapes.get(goal);
  if (known) return known;
  const lex = ctx.lex;
  const facts = ctx.text(goal);
  const hasOutcomeNumbers =
    (facts.fromTo !== undefined && facts.fromTo.from.value !== 0) ||
    facts.change !== undefined ||
    facts.quantities.some(
      (q) =>
        !q.isYear &&
        !q.isName &&
        q.unit !== undefined &&
        OUTCOME_UNITS.has(q.unit) &&
        // "all accounts over $1m" picks the accounts; it is not a result.
        !lex.qualifierBefore.test(facts.title.slice(Math.max(0, q.index - 30), q.index)),
    );
  const hasImpact = mentions(facts, lex.impact) !== undefined;
  const activityVerb = mainVerb(facts, lex.activity);
  let taskVerb = mainVerb(facts, lex.task) ?? mainVerb(facts, lex.work);
  // A count is an outcome when others produce it: "Reach 10,000 monthly visits", "Generate 500 leads".
  const countsOutcome = startsWithOutcomeVerb(facts, ctx);
  let activityCount: Shape['activityCount'];
  for (const q of countsOutcome ? [] : facts.quantities) {
    if (q.isYear || q.isName || q.unit !== undefined) continue;
    const next = tokenIndexAt(facts, q.end);
    // "Post 30 times on Instagram": a count of doing the task itself.
    if (taskVerb && facts.tokens[next] === 'times' && !NOT_REPEATS.has(facts.tokens[next + 1] ?? '')) {
      activityCount = { quantity: q, noun: taskVerb };
      break;
    }
    for (let i = next; i < next + 3 && !activityCount; i++) {
      const noun = lex.activityNouns.matchAt(facts.tokens, i);
      if (noun) activityCount = { quantity: q, noun: noun.base };
    }
    if (activityCount) break;
  }
  if (activityCount && (hasImpact || (facts.fromTo !== undefined && facts.fromTo.from.value !== 0))) {
    activityCount = undefined;
  }
  // "Story points delivered ... at least 90", "NPS from users who completed activation >= 8": a
  // done word beside a level to reach is a metric, not a task.
  const hasLevel = facts.quantities.some((q) => q.role === 'at_least' || q.role === 'at_most');
  if (!taskVerb && !startsWithAnyVerb(facts, ctx) && !hasLevel) taskVerb = mentions(facts, lex.doneMarkers);
  // "Run GitLab.com more efficiently": how the work is done is the outcome.
  if (taskVerb && hasManner(facts)) taskVerb = undefined;
  const and = facts.tokens.indexOf('and', facts.mainIndex + 1);
  const isTaskUncertain = facts.quantities.some(
    (q) => !q.isYear && !q.isName && (q.unit === '%' || (and > 0 && tokenIndexAt(facts, q.index) > and)),
  );
  const shape: Shape = {
    facts,
    activityVerb,
    activityCount,
    taskVerb,
    isSoftTask: taskVerb !== undefined && lex.softTask.matchAt([taskVerb], 0) !== undefined,
    hasOutcomeNumbers,
    hasImpact,
    isTask: taskVerb !== undefined && !activityVerb && !activityCount && !hasOutcomeNumbers && !hasImpact,
    isTaskUncertain,
  };
  shapes.set(goal, shape);
  return shape;
}

/** Words after "N times" that make it a multiple ("3 times faster"), not a count of doing something. */
const NOT_REPEATS = new Set(['more', 'less', 'faster', 'higher', 'bigger', 'larger', 'as', 'the', 'over']);
/** "Run X more efficiently": a manner of working right after the verb, which an outcome may name. */
export function hasManner(facts: TitleFacts): boolean {
  const end = Math.min(facts.tokens.length - 1, facts.mainIndex + 6);
  for (let i = facts.mainIndex + 1; i < end; i++) {
    const t = facts.tokens[i];
    if ((t === 'more' || t === 'less') && facts.tokens[i + 1]!.endsWith('ly')) return true;
  }
  return false;
}

function startsWithOutcomeVerb(facts: TitleFacts, ctx: LintContext): boolean {
  const lex = ctx.lex;
  return [lex.outcomeVerbs, lex.up, lex.targetVerbs].some((set) => mainVerb(facts, set) !== undefined);
}

function startsWithAnyVerb(facts: TitleFacts, ctx: LintContext): boolean {
  const lex = ctx.lex;
  return [lex.up, lex.down, lex.vague, lex.activity, lex.targetVerbs, lex.businessAsUsual].some(
    (set) => mainVerb(facts, set) !== undefined,
  );
}

/** Start, target and unit of an `increase` or `decrease` measure. */
export function numericMeasure(
  goal: KeyResultNode | SmartGoalNode,
): { type: 'increase' | 'decrease'; start: number; target: number; unit?: string | undefined } | undefined {
  const m = goal.measure;
  if (!m || (m.type !== 'increase' && m.type !== 'decrease')) return undefined;
  return { type: m.type, start: m.start, target: m.target, unit: m.unit };
}

/** A measure unit in canonical form ("percent" -> "%"), lower case. */
export function canonicalUnit(unit: string | undefined, ctx: LintContext): string | undefined {
  if (unit === undefined) return undefined;
  const lower = unit.trim().toLowerCase();
  return ctx.lex.unitByWord.get(lower) ?? lower;
}

/** The unit of a goal's measure, as written. */
export function measureUnit(goal: KeyResultNode | SmartGoalNode): string | undefined {
  const m = goal.measure;
  return goal.unit ?? (m && 'unit' in m ? m.unit : undefined);
}
