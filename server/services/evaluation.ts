import { cycleWindow } from '../../core/cycle';
import { type GoalEvaluation, type MeasuredFacts, measuredFacts } from '../../core/evaluate';
import { type Measure, measureSchema, milestoneProgress } from '../../core/measure';
import type { Checkin, KeyResultNode, Link, ObjectiveNode, SmartGoalNode } from '../../core/model';
import type { Cadence } from '../../core/settings';
import { dateWindow, parseMoment, type Window } from '../../core/time';
import type { CheckInFacts, CheckInRow } from '../repositories/check-in.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';

/**
 * Maps stored rows to the core model (`core/model.ts`), so the server evaluates goals with the
 * same engine as the CLI. Ids are the node keys.
 */

/**
 * A stored measure, or undefined for a draft (or a measure that no longer validates). Remembered
 * by its JSON, frozen (a list of 10,000 KRs validated each with zod: a few percent of its CPU).
 */
export function readMeasure(json: string | null): Measure | undefined {
  if (json === null) return undefined;
  if (measures.has(json)) return measures.get(json);
  const parsed = measureSchema.safeParse(JSON.parse(json));
  const measure = parsed.success ? deepFreeze(parsed.data) : undefined;
  if (measures.size >= 10_000) measures.clear();
  measures.set(json, measure);
  return measure;
}

const measures = new Map<string, Measure | undefined>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A stored plan (`{date, expected}[]`) as plan points in the workspace timezone. */
export function readPlan(json: string, timeZone: string): { at: number; expected: number }[] {
  const points = JSON.parse(json) as { date: string; expected: number }[];
  return points.flatMap((p) => {
    const at = parseMoment(p.date, timeZone);
    return at === undefined ? [] : [{ at, expected: p.expected }];
  });
}

/**
 * A goal's effective check-ins: corrected ones are replaced by their corrections (a correction
 * keeps the moment of what it corrects), sorted by time and order of entry. Milestone progress is
 * recomputed from the names done, so an edited milestone list is honoured.
 */
export function effectiveCheckins(
  rows: readonly (CheckInFacts & { note?: string | null })[],
  measure: Measure | undefined,
): Checkin[] {
  // Most goals have no correction and their rows come in order: no set, no copy, no sort then.
  let corrected: Set<string> | undefined;
  let isOrdered = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.correctsId) {
      corrected ??= new Set();
      corrected.add(row.correctsId);
    }
    const before = rows[i - 1];
    if (before && (before.at > row.at || (before.at === row.at && before.seq > row.seq))) isOrdered = false;
  }
  let kept = corrected ? rows.filter((row) => !corrected.has(row.id)) : rows;
  if (!isOrdered) kept = [...kept].sort((a, b) => a.at - b.at || a.seq - b.seq);
  return kept.map((row) => {
    const done = row.done === null ? undefined : (JSON.parse(row.done) as string[]);
    const value =
      measure?.type === 'milestones' && done ? milestoneProgress(measure, done) : (row.value ?? 0);
    return {
      at: row.at,
      value,
      confidence: row.confidence ?? undefined,
      note: row.note ?? undefined,
      done,
    };
  });
}

/** Groups check-in rows by goal id. */
export function groupCheckins<Row extends Pick<CheckInRow, 'goalId'>>(
  rows: readonly Row[],
): Map<string, Row[]> {
  const byGoal = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byGoal.get(row.goalId);
    if (list) list.push(row);
    else byGoal.set(row.goalId, [row]);
  }
  return byGoal;
}

/**
 * The window of a cycle in the workspace timezone. Remembered by dates and zone (the zone
 * arithmetic was about 7% of a check-in's CPU, and every rollup asks for it).
 */
export function windowOfCycle(cycle: Pick<CycleRow, 'startDate' | 'endDate'>, timeZone: string): Window {
  const key = `${cycle.startDate}/${cycle.endDate}/${timeZone}`;
  let window = cycleWindows.get(key);
  if (!window) {
    window = Object.freeze(cycleWindow(cycle, timeZone));
    if (cycleWindows.size >= 1000) cycleWindows.clear();
    cycleWindows.set(key, window);
  }
  return window;
}

const cycleWindows = new Map<string, Window>();

/** A SMART goal's window, remembered like a cycle's (an export builds tens of thousands). */
export function smartGoalWindow(startDate: string, dueDate: string, timeZone: string): Window {
  const key = `${startDate}/${dueDate}/${timeZone}`;
  let window = goalWindows.get(key);
  if (!window) {
    window = Object.freeze(dateWindow(startDate, dueDate, timeZone));
    if (goalWindows.size >= 10_000) goalWindows.clear();
    goalWindows.set(key, window);
  }
  return window;
}

const goalWindows = new Map<string, Window>();

/** Builds an objective node with its key results. */
export function objectiveNode(
  row: ObjectiveRow,
  cycle: CycleRow,
  keyResults: readonly KeyResultRow[],
  checkins: ReadonlyMap<string, readonly Checkin[]>,
  parents: readonly Link[],
  context: { timeZone: string; defaultCadence: Cadence },
): ObjectiveNode {
  const window = windowOfCycle(cycle, context.timeZone);
  return {
    type: 'objective',
    key: row.id,
    title: row.title,
    cycle: cycle.name,
    visibility: row.visibility,
    kind: row.kind ?? undefined,
    unit: row.unitId ?? undefined,
    lead: row.leadId ?? undefined,
    owner: row.ownerId ?? undefined,
    state: row.state,
    window,
    parents: [...parents],
    keyResults: keyResults.map((kr) =>
      keyResultNode(kr, row.id, cycle.name, checkins.get(kr.id) ?? [], context),
    ),
  };
}

function keyResultNode(
  row: KeyResultRow,
  objectiveKey: string,
  cycleName: string,
  checkins: readonly Checkin[],
  context: { timeZone: string; defaultCadence: Cadence },
): KeyResultNode {
  const measure = readMeasure(row.measure);
  return {
    type: 'key_result',
    key: row.id,
    title: row.title,
    cycle: cycleName,
    visibility: 'workspace',
    objectiveKey,
    weight: row.weight,
    progressSource: row.progressSource,
    plan: readPlan(row.plan, context.timeZone),
    leading: row.isLeading === 1,
    measure,
    missing: measure ? [] : ['measure'],
    owner: row.ownerId ?? undefined,
    cadence: row.cadence ?? context.defaultCadence,
    checkins: [...checkins],
  };
}

/** Builds a SMART goal node. */
export function smartGoalNode(
  row: SmartGoalRow,
  cycleName: string,
  checkins: readonly Checkin[],
  parents: readonly Link[],
  context: { timeZone: string; defaultCadence: Cadence },
): SmartGoalNode {
  const measure = readMeasure(row.measure);
  return {
    type: 'smart_goal',
    key: row.id,
    title: row.title,
    cycle: cycleName,
    visibility: row.visibility,
    definitionOfDone: row.definitionOfDone ?? undefined,
    achievability: row.achievability ?? undefined,
    state: row.state,
    window: smartGoalWindow(row.startDate, row.dueDate, context.timeZone),
    startDate: row.startDate,
    dueDate: row.dueDate,
    parents: [...parents],
    measure,
    missing: measure ? [] : ['measure'],
    owner: row.ownerId,
    cadence: row.cadence ?? context.defaultCadence,
    checkins: [...checkins],
  };
}

/**
 * An evaluation standing for a goal whose rollup is stored: its score as of the last write, and
 * no status, so that combining it counts its score but not its staleness.
 */
export function storedEvaluation(
  id: string,
  type: GoalEvaluation['type'],
  stored: { progress: number | null; score: number | null },
  isDropped: boolean,
): GoalEvaluation {
  return {
    key: id,
    type,
    progress: stored.progress,
    score: stored.score,
    expected: null,
    status: isDropped ? 'dropped' : null,
    flags: [],
    forecast: null,
    grade: null,
    verdict: null,
    level: 1,
    latestValue: null,
    lastCheckinAt: null,
  };
}

/**
 * The `facts` column of a measured goal: core's `MeasuredFacts` over all its check-ins, with the
 * number of check-in rows, a hash of the measure (as stored) and the window they were computed
 * for, and the value before the latest (what `appendedFacts` needs to extend them by a check-in
 * without reading the history), as a JSON array (`StoredFacts`: every KR row read carries it);
 * null for drafts and `maintain` measures, and when a number would not survive JSON (not finite, -0).
 */
export function storedFacts(
  measureJson: string | null,
  rowCount: number,
  checkins: readonly Checkin[],
  window: Window,
): string | null {
  const facts = measuredFacts(readMeasure(measureJson), checkins, window);
  if (!facts) return null;
  const previous = checkins.length >= 2 ? checkins[checkins.length - 2]!.value : null;
  return storedFactsOf(measureJson, { facts, previous, rowCount }, window);
}

/** A goal's facts as `storedFacts` writes them, from facts already computed (`appendedFacts`). */
export function storedFactsOf(
  measureJson: string | null,
  { facts, previous, rowCount }: ExtendableFacts,
  window: Window,
): string | null {
  const { n, sx, sy, sxx, sxy, maxX } = facts.sums;
  const stored: StoredFacts = [
    rowCount,
    hashOf(measureJson ?? ''),
    window.start,
    window.end,
    facts.lastAt,
    facts.latestValue,
    facts.confidence,
    facts.isFlat ? 1 : 0,
    n,
    sx,
    sy,
    sxx,
    sxy,
    maxX,
    previous,
  ];
  if (stored.some((x) => x !== null && (!Number.isFinite(x) || Object.is(x, -0)))) return null;
  return JSON.stringify(stored);
}

/**
 * Check-in rows counted (the goal's `checkinCount` when written), the measure's hash, the window's
 * start and end, then the facts: latest time, value and confidence, flatness, the six sums; last,
 * the value before the latest (absent from facts written before it was added: those are read
 * whole, `extendableFacts`, never extended).
 */
type StoredFacts = [
  count: number,
  measureHash: number,
  start: number,
  end: number,
  lastAt: number | null,
  latestValue: number | null,
  confidence: number | null,
  isFlat: number,
  n: number,
  sx: number,
  sy: number,
  sxx: number,
  sxy: number,
  maxX: number,
  previous?: number | null,
];

/** Stored facts a check-in written after all the others can extend (`appendedFacts`). */
export interface ExtendableFacts {
  facts: MeasuredFacts;
  /** The value of the check-in before the latest; null with fewer than two. */
  previous: number | null;
  /** Check-in rows they cover (corrected ones and corrections counted). */
  rowCount: number;
}

/**
 * A goal's stored facts when a new check-in can extend them instead of its history being read:
 * computed for its current check-in count, measure and window, and written with the value before
 * the latest. Otherwise undefined (read the history).
 */
export function extendableFacts(
  row: { facts: string | null; measure: string | null; checkinCount: number },
  window: Window,
): ExtendableFacts | undefined {
  const facts = currentFacts(row, window, Number.POSITIVE_INFINITY);
  if (!facts) return undefined;
  const previous = (JSON.parse(row.facts!) as StoredFacts)[14];
  return previous === undefined ? undefined : { facts, previous, rowCount: row.checkinCount };
}

/** FNV-1a, 32 bits: tells an edited measure from the one the facts were computed for. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A goal's stored facts when they stand for its history as of `at`: computed for its current
 * check-in count, measure and window, and no check-in after `at`. Otherwise undefined (read the
 * history): a writer that did not refresh them costs time, never a wrong number.
 */
export function currentFacts(
  row: { facts: string | null; measure: string | null; checkinCount: number },
  window: Window,
  at: number,
): MeasuredFacts | undefined {
  if (row.facts === null) return undefined;
  const f = JSON.parse(row.facts) as StoredFacts;
  if (f[0] !== row.checkinCount || f[2] !== window.start || f[3] !== window.end) return undefined;
  const lastAt = f[4];
  if (lastAt !== null && lastAt > at) return undefined;
  if (f[1] !== hashOf(row.measure ?? '')) return undefined;
  return {
    lastAt,
    latestValue: f[5],
    confidence: f[6],
    isFlat: f[7] === 1,
    sums: { n: f[8], sx: f[9], sy: f[10], sxx: f[11], sxy: f[12], maxX: f[13] },
  };
}
