import { evaluateOrganisation, type GoalEvaluation } from '../evaluate';
import type { GoalNode, KeyResultNode, ObjectiveNode, Organisation, SmartGoalNode, UnitNode } from '../model';
import { DEFAULT_SETTINGS, type EvaluationSettings } from '../settings';
import { formatDate, type Instant } from '../time';
import { type CompiledLexicon, lexicon } from './lexicon';
import type { CoachSettings, CoachThresholds } from './settings';
import { metricWords, readTitle, type TitleFacts } from './text';
import type { LintHistory, RuleId, Severity } from './types';

/** What a rule found about one goal; the engine adds the rule id, severity and target. */
export interface Hit {
  message: string;
  suggestion: string;
  /** The rule is less sure: the finding is one severity milder. */
  isHedged?: boolean | undefined;
}

/** A hit of an organisation-wide rule, naming the goal it points at. */
export interface TargetedHit extends Hit {
  goal: GoalNode;
}

/**
 * A coach rule. Per-goal hooks return at most one hit per goal (one finding per problem);
 * `organisation` sees everything at once, for rules that compare goals.
 */
export interface Rule {
  id: RuleId;
  severity: Severity;
  /** What fires it, in one line (docs and `--help`). */
  summary: string;
  objective?(objective: ObjectiveNode, ctx: LintContext): Hit | undefined;
  keyResult?(kr: KeyResultNode, objective: ObjectiveNode, ctx: LintContext): Hit | undefined;
  smartGoal?(goal: SmartGoalNode, ctx: LintContext): Hit | undefined;
  organisation?(ctx: LintContext): TargetedHit[];
  /** Also looks at finished goals (closed objectives, SMART goals done or missed). */
  judgesFinished?: boolean;
}

export interface LintContextOptions {
  at: Instant;
  settings: CoachSettings;
  history?: LintHistory | undefined;
  evaluation?: EvaluationSettings | undefined;
}

type Child = ObjectiveNode | SmartGoalNode;

/**
 * Everything rules share: the organisation indexed once (keys, children, units), each title read
 * once, and the engine's evaluation as of `at`, computed only when a rule asks for it.
 */
export class LintContext {
  readonly at: Instant;
  readonly settings: CoachSettings;
  readonly thresholds: CoachThresholds;
  readonly history: LintHistory;
  readonly lex: CompiledLexicon;
  readonly #facts = new WeakMap<GoalNode, TitleFacts>();
  readonly #metricWords = new WeakMap<GoalNode, string[]>();
  readonly #dates = new Map<Instant, string>();
  readonly #goals = new Map<string, GoalNode>();
  readonly #objectiveOf = new Map<string, ObjectiveNode>();
  readonly #children = new Map<string, Child[]>();
  readonly #units = new Map<string, UnitNode>();
  readonly #objectivesByUnit = new Map<string, ObjectiveNode[]>();
  readonly #evaluationSettings: EvaluationSettings;
  #evaluations: (GoalEvaluation | undefined)[] | undefined;
  /** Goals in the order the engine evaluates them (objectives each followed by their KRs, then SMART goals). */
  readonly #inOrder: GoalNode[] = [];
  /** Position of each goal in the organisation, to sort findings. */
  readonly order = new WeakMap<GoalNode, number>();
  readonly hasCompanyObjectives: boolean;

  constructor(
    readonly org: Organisation,
    options: LintContextOptions,
  ) {
    this.at = options.at;
    this.settings = options.settings;
    this.thresholds = options.settings.thresholds;
    this.history = options.history ?? {};
    this.lex = lexicon(options.settings.locale);
    this.#evaluationSettings = options.evaluation ?? { ...DEFAULT_SETTINGS, timeZone: org.timeZone };
    for (const unit of org.units) this.#units.set(unit.key, unit);
    const addChild = (parent: string, child: Child) => {
      const list = this.#children.get(parent);
      if (list) list.push(child);
      else this.#children.set(parent, [child]);
    };
    let hasCompany = false;
    for (const objective of org.objectives) {
      this.#add(objective);
      if (objective.state !== 'dropped') {
        for (const link of objective.parents) addChild(link.key, objective);
        const unitKey = `${objective.cycle}\u0000${objective.unit ?? ''}`;
        const list = this.#objectivesByUnit.get(unitKey);
        if (list) list.push(objective);
        else this.#objectivesByUnit.set(unitKey, [objective]);
        hasCompany ||= this.isCompanyObjective(objective);
      }
      for (const kr of objective.keyResults) {
        this.#add(kr);
        this.#objectiveOf.set(kr.key, objective);
      }
    }
    for (const goal of org.smartGoals) {
      this.#add(goal);
      if (goal.state !== 'dropped') for (const link of goal.parents) addChild(link.key, goal);
    }
    this.hasCompanyObjectives = hasCompany;
  }

  #add(goal: GoalNode): void {
    this.#goals.set(goal.key, goal);
    this.order.set(goal, this.#inOrder.length);
    this.#inOrder.push(goal);
  }

  /** The title of a goal, read once. */
  text(goal: GoalNode): TitleFacts {
    let facts = this.#facts.get(goal);
    if (!facts) {
      facts = readTitle(goal.title, this.lex);
      this.#facts.set(goal, facts);
    }
    return facts;
  }

  /** What a goal's title measures (see `metricWords`), computed once. */
  metric(goal: GoalNode): string[] {
    let words = this.#metricWords.get(goal);
    if (!words) {
      words = metricWords(this.text(goal), this.lex);
      this.#metricWords.set(goal, words);
    }
    return words;
  }

  /** The engine's evaluation of a goal as of `at` (SPEC 3), computed for the whole organisation once. */
  evaluation(goal: GoalNode): GoalEvaluation | undefined {
    if (!this.#evaluations) {
      const all = evaluateOrganisation(this.org, this.at, this.#evaluationSettings);
      // The engine lists goals in the organisation's order, as the context does; match by key otherwise.
      const isAligned =
        all.length === this.#inOrder.length && all.every((e, i) => e.key === this.#inOrder[i]!.key);
      if (isAligned) this.#evaluations = all;
      else {
        const byKey = new Map(all.map((e) => [e.key, e]));
        this.#evaluations = this.#inOrder.map((g) => byKey.get(g.key));
      }
    }
    const i = this.order.get(goal);
    return i === undefined ? undefined : this.#evaluations[i];
  }

  goal(key: string): GoalNode | undefined {
    return this.#goals.get(key);
  }

  /** The objective a KR belongs to. */
  objectiveOf(krKey: string): ObjectiveNode | undefined {
    return this.#objectiveOf.get(krKey);
  }

  /** Objectives and SMART goals (not dropped) that link to a goal. */
  children(key: string): readonly Child[] {
    return this.#children.get(key) ?? [];
  }

  /** Objectives (not dropped) of a unit in a cycle. */
  objectivesOf(cycle: string, unit: string | undefined): readonly ObjectiveNode[] {
    return this.#objectivesByUnit.get(`${cycle}\u0000${unit ?? ''}`) ?? [];
  }

  /** Whether a unit key is the root of the organisation tree. */
  isRootUnit(unit: string): boolean {
    const node = this.#units.get(unit);
    return node ? node.parent === undefined : unit === 'company';
  }

  /** A company-level objective: owned by the root unit (or by no unit and no person). */
  isCompanyObjective(objective: ObjectiveNode): boolean {
    if (objective.unit !== undefined) return this.isRootUnit(objective.unit);
    return objective.owner === undefined;
  }

  /** A unit and its ancestors, nearest first. */
  unitChain(unit: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = unit;
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = this.#units.get(current)?.parent;
    }
    return chain;
  }

  /** A unit's name for messages ("Platform team"), else its key. */
  unitLabel(unit: string): string {
    return this.#units.get(unit)?.name ?? unit;
  }

  /** A date in the organisation's timezone, as YYYY-MM-DD. */
  date(at: Instant): string {
    let text = this.#dates.get(at);
    if (text === undefined) {
      text = formatDate(at, this.org.timeZone);
      this.#dates.set(at, text);
    }
    return text;
  }
}

/**
 * Whether a goal is still being worked on: an objective in draft or active, a SMART goal still
 * open (or a draft). Dropped goals are never linted; finished ones (closed objectives and their KRs, SMART
 * goals done or missed) only by the rules that judge how they were closed.
 */
export function isLive(goal: ObjectiveNode | SmartGoalNode): boolean {
  return goal.type === 'objective'
    ? goal.state === 'draft' || goal.state === 'active'
    : goal.state === 'open' || goal.state === 'draft';
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** Formats a number for messages: 1200 -> "1,200", 0.30000000000000004 -> "0.3". */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(Number(value.toPrecision(6)));
}

/**
 * A computed value rounded the way people write an estimate (item: "about 54 reports", not
 * "about 53.5714 reports"): whole numbers from 10 up, one decimal from 1, two significant digits below.
 */
export function roundForPeople(value: number): number {
  const size = Math.abs(value);
  if (size >= 10) return Math.round(value);
  if (size >= 1) return Math.round(value * 10) / 10;
  return Number(value.toPrecision(2));
}

/** An estimate with its unit, rounded for people: "about 54 reports". */
export function aboutUnit(value: number, unit: string | undefined): string {
  return withUnit(roundForPeople(value), unit);
}

/** A value with its unit: "3%", "800 ms", "$1,200,000". */
export function withUnit(value: number, unit: string | undefined): string {
  const n = formatNumber(value);
  if (!unit) return n;
  if (unit === '%') return `${n}%`;
  if (/^[$€£¥]$/.test(unit)) return `${unit}${n}`;
  return `${n} ${unit}`;
}

/** "1 goal", "3 goals". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
