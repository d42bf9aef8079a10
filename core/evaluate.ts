import { addCadence, cadencePeriods } from './cycle';
import { elapsedShare, expectedProgress, type PlanPoint } from './expected';
import { type Forecast, type ForecastSums, forecastOfSums, forecastSums } from './forecast';
import { type GradeVerdict, gradeBand, gradeOf } from './grade';
import { maintainProgress, tallyPeriods } from './maintain';
import { clamp, isMaintain, type Measure, meetsBound, nearlyEqual, rawProgress, startValue } from './measure';
import type { Checkin, KeyResultNode, ObjectiveNode, Organisation, SmartGoalNode } from './model';
import { type Cadence, DEFAULT_SETTINGS, type EvaluationSettings, SUCCESS_LEVEL } from './settings';
import {
  type Flag,
  hasReportedVsDataConflict,
  isFlatForThree,
  maintainStatus,
  progressStatus,
  type Status,
} from './status';
import { DAY_MS, type Instant, type Window } from './time';

/** Everything the engine computes for one goal as of a moment (SPEC 3). */
export interface GoalEvaluation {
  key: string;
  type: 'objective' | 'key_result' | 'smart_goal';
  /** Raw progress `p` (may be below 0 or above 1); null for drafts and objectives without KRs. */
  progress: number | null;
  /** `clamp(p, 0, 1)`; for objectives, the weighted mean of their KRs' scores. */
  score: number | null;
  /** Expected progress `e(t)`. */
  expected: number | null;
  status: Status | null;
  flags: Flag[];
  forecast: Forecast | null;
  /** Grade once the window has ended; null while it is open. */
  grade: number | null;
  verdict: GradeVerdict | null;
  /** Success level `L`. */
  level: number;
  /** The value of the latest check-in at or before the moment (measure units), if any. */
  latestValue: number | null;
  /** When the latest check-in at or before the moment was made. */
  lastCheckinAt: Instant | null;
}

/** A measured goal as the engine sees it: what KRs and SMART goals have in common. */
export interface MeasuredGoal {
  key: string;
  type: 'key_result' | 'smart_goal';
  measure?: Measure | undefined;
  checkins: readonly Checkin[];
  cadence: Cadence;
  plan?: readonly PlanPoint[] | undefined;
  /**
   * Facts of its check-ins stored with the goal (`measuredFacts`). Used in place of `checkins`
   * when every check-in they cover is at or before the moment (`lastAt <= t`); otherwise the
   * check-ins are evaluated, so whoever sets facts must also give the check-ins in that case.
   */
  facts?: MeasuredFacts | undefined;
}

/**
 * What the evaluation of a progress measure (not `maintain`) needs from its check-ins once every
 * one of them is at or before the moment: none of it moves with the clock, so the server stores
 * it with the goal and a read evaluates the goal from one row. Only valid for the measure and the
 * window it was computed with.
 */
export interface MeasuredFacts {
  /** The latest check-in's time; null with none. */
  lastAt: Instant | null;
  /** Its value (measure units). */
  latestValue: number | null;
  /** The latest confidence reported. */
  confidence: number | null;
  /** Whether the last three values are equal (`isFlatForThree`). */
  isFlat: boolean;
  /** The least-squares sums of the forecast (`forecastSums`). */
  sums: ForecastSums;
}

/** The line a progress measure maps values by: raw progress is `(value - offset) * factor`. */
function progressLine(measure: Measure): [offset: number, factor: number] {
  return measure.type === 'increase' || measure.type === 'decrease'
    ? [measure.start, 1 / (measure.target - measure.start)]
    : [0, 1];
}

/** Facts of the check-ins `0..last` (sorted by time, none after `now`). */
function factsUpTo(
  checkins: readonly Checkin[],
  last: number,
  now: Instant,
  measure: Measure,
  window: Window,
): MeasuredFacts {
  const latest = last >= 0 ? checkins[last] : undefined;
  const [offset, factor] = progressLine(measure);
  return {
    lastAt: latest ? latest.at : null,
    latestValue: latest ? latest.value : null,
    confidence: latestConfidence(checkins, last) ?? null,
    isFlat: isFlatForThree(checkins, last),
    sums: forecastSums(checkins, offset, factor, window, now),
  };
}

/**
 * The facts of a measured goal over all its check-ins (sorted by time), to store with it;
 * undefined for drafts and `maintain` measures (whose score tallies periods up to the moment).
 */
export function measuredFacts(
  measure: Measure | undefined,
  checkins: readonly Checkin[],
  window: Window,
): MeasuredFacts | undefined {
  if (!measure || isMaintain(measure)) return undefined;
  return factsUpTo(checkins, checkins.length - 1, Number.POSITIVE_INFINITY, measure, window);
}

/**
 * The facts of a measured goal after one more check-in that sorts after every other (its time at
 * or after `facts.lastAt`, entered last): `measuredFacts` of the longer list, to the last digit,
 * without reading the list (the sums add the new point last, as the full pass does). `previous` is
 * the value of the check-in before the latest (null with fewer than two), which the flatness of
 * the last three needs; the new one's is `facts.latestValue`. Not for `maintain` measures.
 *
 * @example
 * appendedFacts(facts, 40, { at, value: 42 }, measure, window).latestValue // 42
 */
export function appendedFacts(
  facts: MeasuredFacts,
  previous: number | null,
  checkin: Checkin,
  measure: Measure,
  window: Window,
): MeasuredFacts {
  const { at, value } = checkin;
  const last = facts.latestValue;
  let { n, sx, sy, sxx, sxy, maxX } = facts.sums;
  if (!(at < window.start || at >= window.end)) {
    const [offset, factor] = progressLine(measure);
    const x = (at - window.start) / DAY_MS;
    const y = (value - offset) * factor;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    if (x > maxX) maxX = x;
  }
  return {
    lastAt: at,
    latestValue: value,
    confidence: checkin.confidence ?? facts.confidence,
    isFlat: last !== null && previous !== null && nearlyEqual(last, value) && nearlyEqual(previous, value),
    sums: { n, sx, sy, sxx, sxy, maxX },
  };
}

export interface MeasuredOptions {
  window: Window;
  level: number;
  /** `committed` for committed KRs and SMART goals (grade bands). */
  kind: 'aspirational' | 'committed';
  /** SMART goals that are open become overdue past their window. */
  canBeOverdue: boolean;
}

/**
 * Evaluates goals as of one moment with one set of workspace settings. Calendar work that many
 * goals share (stale cut-offs, cadence periods) is computed once and reused, which keeps 100,000
 * KRs well inside the benchmark budget.
 *
 * @example
 * const evaluator = new Evaluator(Date.parse('2026-11-01'), DEFAULT_SETTINGS);
 * evaluator.measured(kr, { window, level: 0.7, kind: 'aspirational', canBeOverdue: false }).status
 */
export class Evaluator {
  readonly #staleCutoffs = new Map<Cadence, Instant>();
  readonly #periods = new Map<string, readonly Window[]>();

  constructor(
    readonly at: Instant,
    readonly settings: EvaluationSettings = DEFAULT_SETTINGS,
  ) {}

  /** Check-ins older than this instant are stale for a cadence: `t - staleFactor x cadence`. */
  staleCutoff(cadence: Cadence): Instant {
    let cutoff = this.#staleCutoffs.get(cadence);
    if (cutoff === undefined) {
      const factor = this.settings.thresholds.staleFactor;
      cutoff = Number.isInteger(factor)
        ? addCadence(this.at, cadence, -factor, this.settings.timeZone)
        : this.at - factor * CADENCE_DAYS[cadence] * DAY_MS;
      this.#staleCutoffs.set(cadence, cutoff);
    }
    return cutoff;
  }

  /** Cadence periods of a window, cached per window and cadence. */
  periods(window: Window, cadence: Cadence): readonly Window[] {
    const cacheKey = `${window.start}:${window.end}:${cadence}`;
    let periods = this.#periods.get(cacheKey);
    if (!periods) {
      periods = cadencePeriods(window, cadence, this.settings.timeZone);
      this.#periods.set(cacheKey, periods);
    }
    return periods;
  }

  /** Progress, status, flags, forecast and grade of a KR with source `metric` or a SMART goal. */
  measured(goal: MeasuredGoal, options: MeasuredOptions): GoalEvaluation {
    const { measure } = goal;
    const { window, level } = options;
    const t = this.at;
    if (!measure) return draftEvaluation(goal.key, goal.type, level);

    const hasEnded = t >= window.end;
    const expected = expectedProgress(t, window, level, goal.plan);
    if (!isMaintain(measure)) {
      const stored = goal.facts;
      let facts: MeasuredFacts;
      if (stored && (stored.lastAt === null || stored.lastAt <= t)) facts = stored;
      else {
        let last = goal.checkins.length - 1;
        while (last >= 0 && goal.checkins[last]!.at > t) last--;
        facts = factsUpTo(goal.checkins, last, t, measure, window);
      }
      return this.#progressMeasured(goal, measure, facts, options, expected, hasEnded);
    }

    const checkins = goal.checkins;
    let last = checkins.length - 1;
    while (last >= 0 && checkins[last]!.at > t) last--;
    const latest = last >= 0 ? checkins[last] : undefined;
    const ref = latest && latest.at > window.start ? latest.at : window.start;
    const isStale = ref < this.staleCutoff(goal.cadence);
    const tally = tallyPeriods(measure, checkins, this.periods(window, goal.cadence), t);
    const p = maintainProgress(tally, hasEnded);
    const status = maintainStatus({
      t,
      window,
      latestMeets: latest ? meetsBound(measure, latest.value) : undefined,
      isStale,
      isOverdue: options.canBeOverdue && hasEnded && p < 1 && !nearlyEqual(p, 1),
    });
    return this.#result(goal, options, {
      p,
      status,
      projection: null,
      expected,
      hasEnded,
      conflict: hasReportedVsDataConflict({
        status,
        confidence: latestConfidence(checkins, last),
        isFlat: isFlatForThree(checkins, last),
        isProgressMeasure: false,
      }),
      latestValue: latest ? latest.value : null,
      lastAt: latest ? latest.at : null,
    });
  }

  /** A progress measure (not `maintain`) from the facts of its check-ins up to the moment. */
  #progressMeasured(
    goal: MeasuredGoal,
    measure: Measure,
    facts: MeasuredFacts,
    options: MeasuredOptions,
    expected: number,
    hasEnded: boolean,
  ): GoalEvaluation {
    const { window, level } = options;
    const t = this.at;
    const ref = facts.lastAt !== null && facts.lastAt > window.start ? facts.lastAt : window.start;
    const isStale = ref < this.staleCutoff(goal.cadence);
    const p = rawProgress(measure, facts.lastAt !== null ? facts.latestValue! : (startValue(measure) ?? 0));
    const status = progressStatus({
      t,
      window,
      p,
      expected,
      level,
      isStale,
      canBeOverdue: options.canBeOverdue,
      thresholds: this.settings.thresholds,
    });
    return this.#result(goal, options, {
      p,
      status,
      projection: forecastOfSums(facts.sums, window, level),
      expected,
      hasEnded,
      conflict: hasReportedVsDataConflict({
        status,
        confidence: facts.confidence ?? undefined,
        isFlat: facts.isFlat,
        isProgressMeasure: true,
      }),
      latestValue: facts.latestValue,
      lastAt: facts.lastAt,
    });
  }

  #result(
    goal: MeasuredGoal,
    options: MeasuredOptions,
    r: {
      p: number;
      status: Status;
      projection: Forecast | null;
      expected: number;
      hasEnded: boolean;
      conflict: boolean;
      latestValue: number | null;
      lastAt: Instant | null;
    },
  ): GoalEvaluation {
    const { p, status, projection, expected, hasEnded, conflict } = r;
    const level = options.level;
    let flags = NO_FLAGS;
    if (p > 1 && !nearlyEqual(p, 1)) flags = ['overachieved'];
    if (conflict) flags = [...flags, 'reported_vs_data'];
    const score = clamp(p, 0, 1);
    const grade = hasEnded ? gradeOf(score) : null;
    return {
      key: goal.key,
      type: goal.type,
      progress: p,
      score,
      expected,
      status,
      flags,
      forecast: projection,
      grade,
      verdict: grade === null ? null : gradeBand(grade, options.kind),
      level,
      latestValue: r.latestValue,
      lastCheckinAt: r.lastAt,
    };
  }

  /**
   * An objective from its KRs' evaluations (SPEC 3.2 and 3.5): the weighted mean of KR scores over
   * KRs with weight > 0 (drafts have no score and are left out), the status by the same rule with
   * `L` from its kind, stale when all its KRs are, `needs_attention` when any KR is off track or
   * stale, and a forecast when every weighted KR has one.
   */
  objective(
    objective: Pick<ObjectiveNode, 'key' | 'kind' | 'window' | 'state'>,
    weights: readonly number[],
    keyResults: readonly GoalEvaluation[],
  ): GoalEvaluation {
    const kind = objective.kind ?? 'aspirational';
    const level = SUCCESS_LEVEL[kind];
    const combined = combine(weights, keyResults, level);
    const t = this.at;
    const expected = level * elapsedShare(t, objective.window);
    let flags = NO_FLAGS;
    for (const kr of keyResults) {
      if (kr.status === 'off_track' || kr.status === 'stale') {
        flags = ['needs_attention'];
        break;
      }
    }
    let status: Status | null = null;
    if (objective.state === 'dropped') status = 'dropped';
    else if (combined.score !== null) {
      status = progressStatus({
        t,
        window: objective.window,
        p: combined.score,
        expected,
        level,
        isStale: combined.allStale,
        canBeOverdue: false,
        thresholds: this.settings.thresholds,
      });
    }
    const grade = combined.score !== null && t >= objective.window.end ? gradeOf(combined.score) : null;
    return {
      key: objective.key,
      type: 'objective',
      progress: combined.score,
      score: combined.score,
      expected,
      status,
      flags,
      forecast: combined.forecast,
      grade,
      verdict: grade === null ? null : gradeBand(grade, kind),
      level,
      latestValue: null,
      lastCheckinAt: null,
    };
  }

  /**
   * A KR with source `aligned` (SPEC 3.2): `p` is the weighted mean of the scores of the goals
   * aligned to it (0 with none); stale when all of them are; a forecast as objectives have one.
   */
  aligned(
    kr: Pick<KeyResultNode, 'key' | 'plan'>,
    options: MeasuredOptions,
    weights: readonly number[],
    children: readonly GoalEvaluation[],
  ): GoalEvaluation {
    const { window, level } = options;
    const t = this.at;
    const combined = combine(weights, children, level);
    const p = combined.score ?? 0;
    const expected = expectedProgress(t, window, level, kr.plan);
    const status = progressStatus({
      t,
      window,
      p,
      expected,
      level,
      isStale: combined.allStale,
      canBeOverdue: false,
      thresholds: this.settings.thresholds,
    });
    const grade = t >= window.end ? gradeOf(p) : null;
    return {
      key: kr.key,
      type: 'key_result',
      progress: p,
      score: p,
      expected,
      status,
      flags: [],
      forecast: combined.forecast,
      grade,
      verdict: grade === null ? null : gradeBand(grade, options.kind),
      level,
      latestValue: null,
      lastCheckinAt: null,
    };
  }
}

const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 30.436875 };

/** Shared, frozen: most goals carry no flag, and this saves an allocation per goal. */
const NO_FLAGS: Flag[] = Object.freeze([]) as unknown as Flag[];

function draftEvaluation(key: string, type: GoalEvaluation['type'], level: number): GoalEvaluation {
  return {
    key,
    type,
    progress: null,
    score: null,
    expected: null,
    status: null,
    flags: ['draft'],
    forecast: null,
    grade: null,
    verdict: null,
    level,
    latestValue: null,
    lastCheckinAt: null,
  };
}

/** The latest confidence reported at or before check-in `last`. */
function latestConfidence(checkins: readonly Checkin[], last: number): number | undefined {
  for (let i = last; i >= 0; i--) {
    const c = checkins[i]!.confidence;
    if (c !== undefined) return c;
  }
  return undefined;
}

/**
 * Weighted mean of scores over items with weight > 0 and a score; whether all items with a status
 * are stale; and the weighted mean of projected scores when every weighted item has a forecast.
 */
function combine(
  weights: readonly number[],
  evaluations: readonly GoalEvaluation[],
  level: number,
): { score: number | null; allStale: boolean; forecast: Forecast | null } {
  let weightSum = 0;
  let scoreSum = 0;
  let forecastSum = 0;
  let allForecast = true;
  let withStatus = 0;
  let stale = 0;
  for (let i = 0; i < evaluations.length; i++) {
    const evaluation = evaluations[i]!;
    const weight = weights[i]!;
    if (evaluation.status === 'dropped') continue;
    if (evaluation.status !== null) {
      withStatus++;
      if (evaluation.status === 'stale') stale++;
    }
    if (weight <= 0 || evaluation.score === null) continue;
    weightSum += weight;
    scoreSum += weight * evaluation.score;
    if (evaluation.forecast) forecastSum += weight * evaluation.forecast.score;
    else allForecast = false;
  }
  if (weightSum === 0)
    return { score: null, allStale: withStatus > 0 && stale === withStatus, forecast: null };
  const projected = forecastSum / weightSum;
  return {
    score: scoreSum / weightSum,
    allStale: withStatus > 0 && stale === withStatus,
    forecast: allForecast
      ? {
          progress: projected,
          score: projected,
          reachesTarget: projected >= level || nearlyEqual(projected, level),
        }
      : null,
  };
}

/** Evaluations of a whole organisation, objectives each followed by their KRs, then SMART goals. */
export function evaluateOrganisation(
  org: Organisation,
  at: Instant,
  settings: EvaluationSettings = { ...DEFAULT_SETTINGS, timeZone: org.timeZone },
): GoalEvaluation[] {
  return evaluateOrganisationWith(org, new Evaluator(at, settings));
}

/**
 * `evaluateOrganisation` with an evaluator of the caller's, whose remembered stale cut-offs and
 * cadence periods then serve many small evaluations at the same instant (the server's rollups).
 */
export function evaluateOrganisationWith(org: Organisation, evaluator: Evaluator): GoalEvaluation[] {
  return new OrganisationEvaluation(org, evaluator).all();
}

/** What an objective's evaluation yields: its own numbers and its KRs'. */
interface ObjectiveResult {
  objective: GoalEvaluation;
  keyResults: GoalEvaluation[];
}

/**
 * Walks the alignment graph once. Each objective (with its KRs) and each SMART goal is evaluated
 * once and remembered, since an aligned KR reads the goals aligned to it. Links form no cycle
 * (the loaders check); a cycle that slips through is reported rather than looping.
 */
class OrganisationEvaluation {
  readonly #objectives = new Map<ObjectiveNode, ObjectiveResult>();
  readonly #smartGoals = new Map<SmartGoalNode, GoalEvaluation>();
  readonly #inProgress = new Set<ObjectiveNode>();
  readonly #children = new Map<string, { weights: number[]; nodes: (ObjectiveNode | SmartGoalNode)[] }>();

  constructor(
    readonly org: Organisation,
    readonly evaluator: Evaluator,
  ) {
    const addChild = (parent: string, weight: number, node: ObjectiveNode | SmartGoalNode) => {
      const children = this.#children.get(parent);
      if (children) {
        children.weights.push(weight);
        children.nodes.push(node);
      } else this.#children.set(parent, { weights: [weight], nodes: [node] });
    };
    for (const objective of org.objectives) {
      for (const link of objective.parents) addChild(link.key, link.weight, objective);
    }
    for (const goal of org.smartGoals) {
      for (const link of goal.parents) addChild(link.key, link.weight, goal);
    }
  }

  all(): GoalEvaluation[] {
    const out: GoalEvaluation[] = [];
    for (const objective of this.org.objectives) {
      const result = this.objective(objective);
      out.push(result.objective);
      for (const kr of result.keyResults) out.push(kr);
    }
    for (const goal of this.org.smartGoals) out.push(this.smartGoal(goal));
    return out;
  }

  objective(objective: ObjectiveNode): ObjectiveResult {
    const known = this.#objectives.get(objective);
    if (known) return known;
    if (this.#inProgress.has(objective)) throw new Error(`alignment cycle through ${objective.key}`);
    this.#inProgress.add(objective);
    const kind = objective.kind ?? 'aspirational';
    const options: MeasuredOptions = {
      window: objective.window,
      level: SUCCESS_LEVEL[kind],
      kind,
      canBeOverdue: false,
    };
    const krs = objective.keyResults;
    const weights = new Array<number>(krs.length);
    const keyResults = new Array<GoalEvaluation>(krs.length);
    for (let i = 0; i < krs.length; i++) {
      const kr = krs[i]!;
      weights[i] = kr.weight;
      const children = kr.progressSource === 'aligned' ? this.#childEvaluations(kr.key) : undefined;
      const result = children
        ? this.evaluator.aligned(kr, options, children.weights, children.evaluations)
        : this.evaluator.measured(kr, options);
      keyResults[i] = objective.state === 'dropped' ? { ...result, status: 'dropped' } : result;
    }
    const result = { objective: this.evaluator.objective(objective, weights, keyResults), keyResults };
    this.#inProgress.delete(objective);
    this.#objectives.set(objective, result);
    return result;
  }

  smartGoal(goal: SmartGoalNode): GoalEvaluation {
    const known = this.#smartGoals.get(goal);
    if (known) return known;
    const result = this.#smartGoalWithState(goal);
    this.#smartGoals.set(goal, result);
    return result;
  }

  #smartGoalWithState(goal: SmartGoalNode): GoalEvaluation {
    const result = this.evaluator.measured(goal, {
      window: goal.window,
      level: 1,
      kind: 'committed',
      canBeOverdue: goal.state === 'open',
    });
    if (result.status === null || goal.state === 'open' || goal.state === 'draft') return result;
    if (goal.state === 'done') {
      const p = result.progress ?? 0;
      const disagrees = p < 1 && !nearlyEqual(p, 1) && !result.flags.includes('reported_vs_data');
      return {
        ...result,
        status: 'achieved',
        flags: disagrees ? [...result.flags, 'reported_vs_data'] : result.flags,
      };
    }
    return { ...result, status: goal.state };
  }

  #childEvaluations(parentKey: string): { weights: number[]; evaluations: GoalEvaluation[] } {
    const children = this.#children.get(parentKey);
    if (!children) return { weights: [], evaluations: [] };
    return {
      weights: children.weights,
      evaluations: children.nodes.map((node) =>
        node.type === 'objective' ? this.objective(node).objective : this.smartGoal(node),
      ),
    };
  }
}
