import { compliance, complianceHeatmap, type ScheduledGoal, weeksOf } from '../../core/checkin-schedule';
import { dateWindow, formatDate, type Window } from '../../core/time';
import { type GoalSubject, isVisible } from '../policies/permissions';
import { ComplianceRepository } from '../repositories/compliance.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { UnitRow } from '../repositories/unit.repository';
import { windowOfCycle } from './evaluation';
import type { Session } from './session';
import { evaluateSliceAt, type Slice } from './slice';

/**
 * What the dashboard shows beyond the goals themselves (SPEC 10): each objective's trend and the
 * check-in compliance heatmap. Both come from core: the trend is core's Evaluator run at each week
 * end, the heatmap core's `complianceHeatmap`.
 */

/** One cell of the heatmap: (goal, period) pairs due in the week, those with a check-in, their ratio. */
export interface ComplianceCell {
  due: number;
  done: number;
  rate: number | null;
}

/** Check-in compliance, units by weeks (SPEC 3.9). */
export interface ComplianceHeatmap {
  /** The first day of each calendar week of the cycle (the workspace's week start), YYYY-MM-DD. */
  weeks: string[];
  units: { unitId: string; name: string; cells: ComplianceCell[] }[];
}

/** The calendar weeks of a cycle (the heatmap's columns and the trend's points). */
export function cycleWeeks(session: Session, cycle: CycleRow): Window[] {
  const window = windowOfCycle(cycle, session.settings.timeZone);
  return weeksOf(window, session.settings.weekStart, session.settings.timeZone);
}

/**
 * Each objective's score at the end of every week of its cycle that has begun: `trend[i]` is the
 * score at the end of week `i` (`weeks[i]` of the heatmap), the last point the score now (for the
 * week under way). Evaluated by core from the slice's check-ins as of each moment; child
 * objectives outside the slice (below aligned KRs) count with their stored score.
 */
export function trendsOf(session: Session, slice: Slice, cycle: CycleRow): Map<string, (number | null)[]> {
  const window = windowOfCycle(cycle, session.settings.timeZone);
  const moments = cycleWeeks(session, cycle)
    .filter((week) => week.start <= session.at && week.start < window.end)
    .map((week) => Math.min(week.end, window.end, session.at));
  const ids = [...slice.objectives.keys()];
  const trends = new Map<string, (number | null)[]>(ids.map((id) => [id, []]));
  for (const at of moments) {
    const evaluations = at === session.at ? slice.evaluations : evaluateSliceAt(slice, at, session.settings);
    for (const id of ids) trends.get(id)!.push(evaluations.get(id)?.score ?? null);
  }
  return trends;
}

interface Cached {
  computedAt: number;
  heatmap: ComplianceHeatmap;
  refreshing?: Promise<void> | undefined;
}

/**
 * Check-in compliance of a cycle as units by weeks, for the goals the viewer may see: one row for
 * the unit itself (its own goals) and one per child unit (its whole subtree). A cycle of the large
 * organisation holds 390,000 check-ins, so the heatmap is remembered per viewer, cycle and unit for
 * `ttlMs` (a minute by default) and refreshed in the background after that: the dashboard stays
 * fast, and a check-in shows in the heatmap within a minute (the goals' own numbers are live).
 */
export class ComplianceHeatmaps {
  readonly #cache = new Map<string, Cached>();

  constructor(readonly ttlMs = 60_000) {}

  async of(
    session: Session,
    cycle: CycleRow,
    unit: UnitRow,
    units: readonly UnitRow[],
  ): Promise<ComplianceHeatmap> {
    const key = `${session.actor.workspaceId}:${session.actor.personId}:${cycle.id}:${unit.id}:${session.scope.role}`;
    const cached = this.#cache.get(key);
    const now = session.at;
    if (cached && now - cached.computedAt < this.ttlMs) return cached.heatmap;
    if (cached) {
      cached.refreshing ??= heatmapOf(session, cycle, unit, units)
        .then((heatmap) => void this.#cache.set(key, { computedAt: now, heatmap }))
        .catch(() => {
          cached.refreshing = undefined;
        });
      return cached.heatmap;
    }
    const heatmap = await heatmapOf(session, cycle, unit, units);
    if (this.#cache.size > 500) this.#cache.clear();
    this.#cache.set(key, { computedAt: now, heatmap });
    return heatmap;
  }
}

async function heatmapOf(
  session: Session,
  cycle: CycleRow,
  unit: UnitRow,
  units: readonly UnitRow[],
): Promise<ComplianceHeatmap> {
  const { timeZone, weekStart } = session.settings;
  const repo = new ComplianceRepository(session.repos.units.db);
  const rowOf = rowsOfUnits(unit, units);
  // A root's heatmap reads the whole cycle's goals; a unit's only its subtree's.
  const subtree = unit.parentId === null ? undefined : [...rowOf.keys()];
  const groups = new Map<string, ScheduledGoal[]>([unit, ...childrenOf(unit, units)].map((u) => [u.id, []]));
  const cycleWindow = windowOfCycle(cycle, timeZone);
  // The goals the viewer may see, each with its row; their check-in times are read after, so an
  // invisible goal's check-ins are never read.
  const scheduled = (await scheduledGoalsOf(session, cycle, subtree)).flatMap((s) => {
    const row = s.unitId === null ? undefined : rowOf.get(s.unitId);
    return row !== undefined && isVisible(session.scope, s.subject) ? [{ row, goal: s.goal }] : [];
  });
  const timesOf = await repo.checkinTimesByGoal(scheduled.map((s) => s.goal.key));
  for (const { row, goal } of scheduled) {
    const checkinTimes = (timesOf.get(goal.key) ?? []).sort((a, b) => a - b);
    groups.get(row)!.push({ ...goal, checkinTimes });
  }
  const map = complianceHeatmap(groups, cycleWindow, session.at, weekStart, timeZone);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    weeks: map.weeks.map((w) => formatDate(w.start, timeZone)),
    units: map.rows.map((row) => ({
      unitId: row.group,
      name: names.get(row.group) ?? row.group,
      cells: row.cells.map((c) => ({ due: c.due, done: c.withCheckin, rate: c.rate })),
    })),
  };
}

/** A goal of a cycle a check-in is due for: its unit, what visibility reads of it, its schedule. */
interface ScheduledOfCycle {
  unitId: string | null;
  subject: GoalSubject;
  /** Without check-in times (read after, for the goals kept). */
  goal: ScheduledGoal;
}

/** The measured goals of a cycle (of some units) with their schedules: the heatmap's goals, before visibility. */
async function scheduledGoalsOf(
  session: Session,
  cycle: CycleRow,
  unitIds?: readonly string[],
): Promise<ScheduledOfCycle[]> {
  const { timeZone, defaultCadence } = session.settings;
  const ws = session.actor.workspaceId;
  const repo = new ComplianceRepository(session.repos.units.db);
  const [krs, goals] = await Promise.all([
    repo.keyResults(ws, cycle.id, unitIds),
    repo.smartGoals(ws, cycle.id, unitIds),
  ]);
  const cycleWindow = windowOfCycle(cycle, timeZone);
  const out: ScheduledOfCycle[] = [];
  for (const kr of krs)
    out.push({
      unitId: kr.unitId,
      subject: {
        workspaceId: ws,
        visibility: kr.visibility,
        unitId: kr.unitId,
        ownerIds: [kr.ownerId, kr.leadId, kr.objectiveOwnerId],
      },
      goal: { key: kr.id, window: cycleWindow, cadence: kr.cadence ?? defaultCadence, checkinTimes: [] },
    });
  const windows = new Map<string, Window>();
  for (const goal of goals) {
    const key = `${goal.startDate}/${goal.dueDate}`;
    let window = windows.get(key);
    if (!window) {
      window = dateWindow(goal.startDate, goal.dueDate, timeZone);
      windows.set(key, window);
    }
    out.push({
      unitId: goal.unitId,
      subject: {
        workspaceId: ws,
        visibility: goal.visibility,
        unitId: goal.unitId,
        ownerIds: [goal.ownerId],
      },
      goal: { key: goal.id, window, cadence: goal.cadence ?? defaultCadence, checkinTimes: [] },
    });
  }
  return out;
}

/** One goal's share of a unit's heatmap cell for one week. */
export interface GoalWeekCompliance {
  unitId: string;
  subject: GoalSubject;
  due: number;
  done: number;
}

/**
 * Each goal of a cycle that counts in one week's check-in compliance, with its (due, done) for that
 * week: summed over the goals of a unit's subtree a viewer may see, they give that viewer's
 * heatmap cells of the week for the unit and its children. For work that needs the cells of many
 * viewers at once (the leads' digests): the cycle is read once for all of them, not once per
 * viewer, and check-ins made before the week are not read (no period of the week starts before it).
 *
 * @example
 * const goals = await weekComplianceOfGoals(session, cycle, cycleWeeks(session, cycle)[3]!);
 */
export async function weekComplianceOfGoals(
  session: Session,
  cycle: CycleRow,
  week: Window,
): Promise<GoalWeekCompliance[]> {
  const { timeZone } = session.settings;
  const scheduled = (await scheduledGoalsOf(session, cycle)).filter((s) => s.unitId !== null);
  const timesOf = await new ComplianceRepository(session.repos.units.db).checkinTimesByGoal(
    scheduled.map((s) => s.goal.key),
    week.start,
  );
  const periodCache = new Map<string, readonly Window[]>();
  const out: GoalWeekCompliance[] = [];
  for (const { unitId, subject, goal } of scheduled) {
    const checkinTimes = (timesOf.get(goal.key) ?? []).sort((a, b) => a - b);
    const cell = compliance([{ ...goal, checkinTimes }], week, session.at, timeZone, periodCache);
    if (cell.due > 0) out.push({ unitId: unitId!, subject, due: cell.due, done: cell.withCheckin });
  }
  return out;
}

function childrenOf(unit: UnitRow, units: readonly UnitRow[]): UnitRow[] {
  return units.filter((u) => u.parentId === unit.id).sort((a, b) => a.name.localeCompare(b.name));
}

/** Each unit of `unit`'s subtree mapped to its heatmap row: `unit` itself, or the child it lies under. */
function rowsOfUnits(unit: UnitRow, units: readonly UnitRow[]): Map<string, string> {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const rows = new Map<string, string>([[unit.id, unit.id]]);
  for (const u of units) {
    const path: string[] = [];
    let id: string | null = u.id;
    let row: string | undefined;
    while (id !== null && row === undefined) {
      row = rows.get(id);
      if (row === undefined) {
        path.push(id);
        id = parentOf.get(id) ?? null;
      }
    }
    if (row === undefined) continue;
    // The child of `unit` on the path, or the row already found above it.
    const top = row === unit.id ? path[path.length - 1] : row;
    for (const p of path) rows.set(p, top ?? unit.id);
  }
  return rows;
}
