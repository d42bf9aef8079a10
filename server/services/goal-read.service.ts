import { AppError } from '../../core/errors';
import { Evaluator } from '../../core/evaluate';
import { STATUSES, type Status } from '../../core/status';
import { formatDate } from '../../core/time';
import { authorize, goalNotFound } from '../policies/authorize';
import { isVisible } from '../policies/permissions';
import type { Actor, ServiceDeps } from './context';
import { type ComplianceHeatmap, ComplianceHeatmaps, cycleWeeks, trendsOf } from './dashboard-insights';
import { storedEvaluation, windowOfCycle } from './evaluation';
import {
  getKeyResult,
  getSmartGoal,
  keyResultSubject,
  objectiveSubject,
  resolveCycle,
  smartGoalSubject,
} from './goal-access';
import {
  hiddenSummary,
  type KeyResultView,
  type ObjectiveView,
  objectiveView,
  type SmartGoalView,
  smartGoalView,
} from './presenters';
import { openSession } from './session';
import { loadSlice } from './slice';
import { notFound } from './validate';
import { visibleGoals } from './visibility';
import { evaluationSettings } from './workspace-settings';

/** An objective on a dashboard: with its trend (its score at the end of each week of the cycle so far). */
export type DashboardObjective = ObjectiveView & { trend: (number | null)[] };

/** Objectives and SMART goals of one unit in one cycle, as the viewer may see them. */
export interface UnitPage {
  unit: { id: string; name: string; parentId: string | null };
  cycle: { id: string; name: string; state: string };
  objectives: DashboardObjective[];
  smartGoals: SmartGoalView[];
  hiddenGoals: number;
  hiddenSummary: string | null;
  /** Check-in compliance: the unit's own goals, and each child unit's subtree, by week. */
  compliance: ComplianceHeatmap;
  /** Where the next page of `objectives` then `smartGoals` starts; null on the last page. */
  nextAfter: string | null;
}

/** The company dashboard of a cycle. */
export interface Dashboard {
  cycle: { id: string; name: string; state: string };
  /** Objectives of the root unit(s), in full, each with its trend. */
  company: DashboardObjective[];
  /** Objectives of the whole cycle the viewer may see, by status, from the stored rollups. */
  statusCounts: Record<Status | 'none', number>;
  /** The same per owning unit, with the unit's objectives the viewer may not see counted apart. */
  units: {
    unitId: string;
    objectives: number;
    meanScore: number | null;
    statusCounts: Partial<Record<Status | 'none', number>>;
    hiddenGoals: number;
  }[];
  /** Objectives of the cycle the viewer may not see: in no count or mean above. */
  hiddenGoals: number;
  hiddenSummary: string | null;
  /** Check-in compliance: the company's own goals, and each department's subtree, by week. */
  compliance: ComplianceHeatmap;
  /** Where the next page of `company` starts; null on the last page. */
  nextAfter: string | null;
}

/**
 * A page of a dashboard's goal lists: at most `limit` goals after the key `after` (a key a
 * previous page gave as `nextAfter`). Bounds the response whatever the spread of goals.
 */
export interface DashboardPaging {
  limit: number;
  after?: string | undefined;
}

/** The default and largest page of a dashboard's goals (each objective in full is ~4 KB). */
export const DASHBOARD_PAGE = { default: 25, max: 100 } as const;

interface PagedList<T extends { id: string }> {
  /** The list's letter in page keys. */
  list: 'o' | 'g';
  rows: readonly T[];
  /** The list's order before the id (fixed-width text). */
  orderOf: (row: T) => string;
}

/**
 * One page over lists shown one after the other (a unit's objectives, then its SMART goals): at
 * most `limit` goals after the page key `after`, and the key of the next page (null on the last).
 * A key is `<list>:<order>:<id>` in the list's own order (objectives by creation, SMART goals by
 * due date, then id), so a page neither repeats nor skips a goal when others are added elsewhere.
 */
function pageOfLists<A extends { id: string }, B extends { id: string }>(
  firstList: PagedList<A>,
  secondList: PagedList<B> | undefined,
  after: { list: string; order: string; id: string } | undefined,
  limit: number,
): { first: A[]; second: B[]; next: string | null } {
  const byOrder = <T extends { id: string }>(l: PagedList<T>): PagedList<T> => {
    const keyed = l.rows.map((row) => ({ row, order: l.orderOf(row) }));
    keyed.sort((x, y) =>
      x.order < y.order ? -1 : x.order > y.order ? 1 : x.row.id < y.row.id ? -1 : x.row.id > y.row.id ? 1 : 0,
    );
    return { ...l, rows: keyed.map((k) => k.row) };
  };
  const first = byOrder(firstList);
  const second = secondList && byOrder(secondList);
  const startIn = <T extends { id: string }>(l: PagedList<T>): number => {
    if (!after || after.list !== l.list) return 0;
    const index = l.rows.findIndex((r) => {
      const order = l.orderOf(r);
      return order > after.order || (order === after.order && r.id > after.id);
    });
    return index < 0 ? l.rows.length : index;
  };
  const total = first.rows.length + (second?.rows.length ?? 0);
  const start = after?.list === second?.list && second ? first.rows.length + startIn(second) : startIn(first);
  const end = Math.min(total, start + limit);
  const firstItems = first.rows.slice(Math.min(start, first.rows.length), Math.min(end, first.rows.length));
  const secondItems = second
    ? second.rows.slice(Math.max(0, start - first.rows.length), Math.max(0, end - first.rows.length))
    : [];
  let next: string | null = null;
  if (end < total && end > start) {
    const lastOfSecond = secondItems[secondItems.length - 1];
    const lastOfFirst = firstItems[firstItems.length - 1];
    next =
      second && lastOfSecond
        ? `${second.list}:${second.orderOf(lastOfSecond)}:${lastOfSecond.id}`
        : `${first.list}:${first.orderOf(lastOfFirst!)}:${lastOfFirst!.id}`;
  }
  return { first: firstItems, second: secondItems, next };
}

/** A page key from the API, checked (a `validation` error names the cursor). */
function readPageKey(after: string | undefined): { list: string; order: string; id: string } | undefined {
  if (after === undefined) return undefined;
  const match = /^([og]):([^:]*):(.+)$/.exec(after);
  if (!match) {
    throw new AppError('validation', 'cursor: not a cursor this API gave out', {
      issues: [{ path: 'query.cursor', message: 'not a cursor this API gave out' }],
    });
  }
  return { list: match[1]!, order: match[2]!, id: match[3]! };
}

/** Creation times as fixed-width text, so that they sort as numbers do. */
const createdOrder = (row: { createdAt: number }) => String(row.createdAt).padStart(16, '0');

const emptyCounts = (): Record<Status | 'none', number> =>
  Object.fromEntries([...STATUSES, 'none'].map((s) => [s, 0])) as Record<Status | 'none', number>;

/** Reads: goals with their computed progress, score, status, flags and forecast (from core). */
export class GoalReadService {
  readonly #heatmaps = new ComplianceHeatmaps();

  constructor(readonly deps: ServiceDeps) {}

  /** One objective with its KRs; `not_found` when the viewer may not see it. */
  async getObjective(actor: Actor, id: string): Promise<ObjectiveView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const row = await session.repos.objectives.find(actor.workspaceId, id);
    if (!row) return goalNotFound('objective', id);
    authorize(session.scope, 'read', 'objective', objectiveSubject(row));
    const slice = await loadSlice(session, [row]);
    return objectiveView(slice, session.scope, row);
  }

  /** One KR with its children (hidden ones counted, never described). */
  async getKeyResult(actor: Actor, id: string): Promise<KeyResultView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const { kr, objective } = await getKeyResult(session, id);
    authorize(session.scope, 'read', 'key_result', keyResultSubject(kr, objective));
    const slice = await loadSlice(session, [objective]);
    const view = objectiveView(slice, session.scope, objective).keyResults.find((k) => k.id === id);
    if (!view) return goalNotFound('key_result', id);
    // A KR's owner sees it even inside an objective they may not see: that objective stays unnamed.
    return isVisible(session.scope, objectiveSubject(objective)) ? view : { ...view, objectiveId: null };
  }

  /** One SMART goal. */
  async getSmartGoal(actor: Actor, id: string): Promise<SmartGoalView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const row = await getSmartGoal(session, id);
    authorize(session.scope, 'read', 'smart_goal', smartGoalSubject(row));
    return smartGoalView(await loadSlice(session, [], [row]), row);
  }

  /**
   * A unit's page: its objectives with KRs (and trends) and the SMART goals of its people, in one
   * cycle (by id or name; the active cycle when none is given), with its compliance heatmap.
   */
  async unitPage(
    actor: Actor,
    cycleRef: string | undefined,
    unitId: string,
    paging: DashboardPaging = { limit: DASHBOARD_PAGE.default },
  ): Promise<UnitPage> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const ws = actor.workspaceId;
    const cycle = await resolveCycle(session, cycleRef);
    const unit = (await session.repos.units.find(ws, unitId)) ?? notFound('unit', unitId);
    const objectiveRows = await session.repos.objectives.listByCycle(ws, cycle.id, [unitId]);
    const goalRows = await session.repos.smartGoals.listByCycle(ws, cycle.id, { unitIds: [unitId] });
    const objectives = visibleGoals(session.scope, objectiveRows, objectiveSubject);
    const goals = visibleGoals(session.scope, goalRows, smartGoalSubject);
    // One page over the objectives, then the SMART goals: only the page is loaded and evaluated.
    const page = pageOfLists(
      { list: 'o', rows: objectives.visible, orderOf: createdOrder },
      { list: 'g', rows: goals.visible, orderOf: (g) => g.dueDate },
      readPageKey(paging.after),
      paging.limit,
    );
    const slice = await loadSlice(session, page.first, page.second);
    const hidden = objectives.hidden + goals.hidden;
    const trends = trendsOf(session, slice, cycle);
    const units = await session.repos.units.list(ws);
    return {
      unit: { id: unit.id, name: unit.name, parentId: unit.parentId },
      cycle: { id: cycle.id, name: cycle.name, state: cycle.state },
      objectives: page.first.map((o) => ({
        ...objectiveView(slice, session.scope, o),
        trend: trends.get(o.id) ?? [],
      })),
      smartGoals: page.second.map((g) => smartGoalView(slice, g)),
      hiddenGoals: hidden,
      hiddenSummary: hiddenSummary(hidden),
      compliance: await this.#heatmaps.of(session, cycle, unit, units),
      nextAfter: page.next,
    };
  }

  /** A person's SMART goals in a cycle ("my goals"), as the viewer may see them. */
  async smartGoalsOf(actor: Actor, cycleId: string, ownerId: string): Promise<SmartGoalView[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const rows = await session.repos.smartGoals.listByCycle(actor.workspaceId, cycleId, {
      ownerIds: [ownerId],
    });
    const { visible } = visibleGoals(session.scope, rows, smartGoalSubject);
    const slice = await loadSlice(session, [], visible);
    return visible.map((g) => smartGoalView(slice, g));
  }

  /**
   * The company dashboard: the root unit's objectives in full, and counts by status for every
   * objective of the cycle. The counts come from the rollups stored with each check-in (one
   * indexed query on objectives), evaluated by core's objective rule with staleness from the
   * latest check-in under each objective; no history is scanned.
   */
  async dashboard(
    actor: Actor,
    cycleRef?: string,
    paging: DashboardPaging = { limit: DASHBOARD_PAGE.default },
  ): Promise<Dashboard> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const ws = actor.workspaceId;
    const cycle = await resolveCycle(session, cycleRef);
    const cycleId = cycle.id;
    const units = await session.repos.units.list(ws);
    const rootUnits = units.filter((u) => u.parentId === null);
    const roots = rootUnits.map((u) => u.id);
    const all = await session.repos.objectives.listSummariesByCycle(ws, cycleId);
    // One page of the company's objectives (found among the summaries, read in full by id).
    const rootIds = new Set(roots);
    const page = pageOfLists(
      {
        list: 'o',
        rows: all.filter(
          (o) => o.unitId !== null && rootIds.has(o.unitId) && isVisible(session.scope, objectiveSubject(o)),
        ),
        orderOf: createdOrder,
      },
      undefined,
      readPageKey(paging.after),
      paging.limit,
    );
    const rows = new Map(
      (
        await session.repos.objectives.findMany(
          ws,
          page.first.map((o) => o.id),
        )
      ).map((o) => [o.id, o]),
    );
    const company = page.first.flatMap((o) => rows.get(o.id) ?? []);
    const slice = await loadSlice(session, company);
    const evaluator = new Evaluator(session.at, evaluationSettings(session.settings));
    const window = windowOfCycle(cycle, session.settings.timeZone);
    const cutoff = evaluator.staleCutoff(session.settings.defaultCadence);
    const statusCounts = emptyCounts();
    const perUnit = new Map<
      string,
      {
        objectives: number;
        scoreSum: number;
        scored: number;
        statusCounts: Partial<Record<Status | 'none', number>>;
        hiddenGoals: number;
      }
    >();
    const unitOf = (key: string) => {
      const unit = perUnit.get(key) ?? {
        objectives: 0,
        scoreSum: 0,
        scored: 0,
        statusCounts: {},
        hiddenGoals: 0,
      };
      perUnit.set(key, unit);
      return unit;
    };
    let hidden = 0;
    for (const o of all) {
      // Counted like the unit page counts: what the viewer may see, and the rest as "n private goals".
      if (!isVisible(session.scope, objectiveSubject(o))) {
        hidden++;
        if (o.unitId !== null) unitOf(o.unitId).hiddenGoals++;
        continue;
      }
      const ref = Math.max(o.latestCheckinAt ?? window.start, window.start);
      const stored = {
        ...storedEvaluation(o.id, 'key_result', o, false),
        status: ref < cutoff ? ('stale' as const) : ('on_track' as const),
      };
      const evaluation =
        o.score === null
          ? null
          : evaluator.objective(
              { key: o.id, kind: o.kind ?? undefined, window, state: o.state },
              [1],
              [stored],
            );
      const status = o.state === 'dropped' ? 'dropped' : (evaluation?.status ?? 'none');
      statusCounts[status]++;
      if (o.unitId === null) continue;
      const unit = unitOf(o.unitId);
      unit.objectives++;
      if (o.score !== null) {
        unit.scoreSum += o.score;
        unit.scored++;
      }
      unit.statusCounts[status] = (unit.statusCounts[status] ?? 0) + 1;
    }
    const trends = trendsOf(session, slice, cycle);
    const compliance = rootUnits[0]
      ? await this.#heatmaps.of(session, cycle, rootUnits[0], units)
      : {
          weeks: cycleWeeks(session, cycle).map((w) => formatDate(w.start, session.settings.timeZone)),
          units: [],
        };
    return {
      cycle: { id: cycle.id, name: cycle.name, state: cycle.state },
      company: company.map((o) => ({
        ...objectiveView(slice, session.scope, o),
        trend: trends.get(o.id) ?? [],
      })),
      statusCounts,
      units: [...perUnit.entries()].map(([unitId, u]) => ({
        unitId,
        objectives: u.objectives,
        meanScore: u.scored ? u.scoreSum / u.scored : null,
        statusCounts: u.statusCounts,
        hiddenGoals: u.hiddenGoals,
      })),
      hiddenGoals: hidden,
      hiddenSummary: hiddenSummary(hidden),
      compliance,
      nextAfter: page.next,
    };
  }
}
