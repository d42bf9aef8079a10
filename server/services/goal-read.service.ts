import { Evaluator } from '../../core/evaluate';
import { STATUSES, type Status } from '../../core/status';
import { authorize, goalNotFound } from '../policies/authorize';
import { isVisible } from '../policies/permissions';
import type { Actor, ServiceDeps } from './context';
import { storedEvaluation, windowOfCycle } from './evaluation';
import {
  cycleOfFilter,
  getKeyResult,
  getSmartGoal,
  keyResultSubject,
  objectiveSubject,
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

/** Objectives and SMART goals of one unit in one cycle, as the viewer may see them. */
export interface UnitPage {
  unit: { id: string; name: string; parentId: string | null };
  cycle: { id: string; name: string; state: string };
  objectives: ObjectiveView[];
  smartGoals: SmartGoalView[];
  hiddenGoals: number;
  hiddenSummary: string | null;
}

/** The company dashboard of a cycle. */
export interface Dashboard {
  cycle: { id: string; name: string; state: string };
  /** Objectives of the root unit(s), in full. */
  company: ObjectiveView[];
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
}

const emptyCounts = (): Record<Status | 'none', number> =>
  Object.fromEntries([...STATUSES, 'none'].map((s) => [s, 0])) as Record<Status | 'none', number>;

/** Reads: goals with their computed progress, score, status, flags and forecast (from core). */
export class GoalReadService {
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

  /** A unit's page: its objectives with KRs and the SMART goals of its people, in one cycle. */
  async unitPage(actor: Actor, cycleRef: string, unitId: string): Promise<UnitPage> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const ws = actor.workspaceId;
    const cycle = await cycleOfFilter(session, cycleRef);
    const unit = (await session.repos.units.find(ws, unitId)) ?? notFound('unit', unitId);
    const objectiveRows = await session.repos.objectives.listByCycle(ws, cycle.id, [unitId]);
    const goalRows = await session.repos.smartGoals.listByCycle(ws, cycle.id, { unitIds: [unitId] });
    const objectives = visibleGoals(session.scope, objectiveRows, objectiveSubject);
    const goals = visibleGoals(session.scope, goalRows, smartGoalSubject);
    const slice = await loadSlice(session, objectives.visible, goals.visible);
    const hidden = objectives.hidden + goals.hidden;
    return {
      unit: { id: unit.id, name: unit.name, parentId: unit.parentId },
      cycle: { id: cycle.id, name: cycle.name, state: cycle.state },
      objectives: objectives.visible.map((o) => objectiveView(slice, session.scope, o)),
      smartGoals: goals.visible.map((g) => smartGoalView(slice, g)),
      hiddenGoals: hidden,
      hiddenSummary: hiddenSummary(hidden),
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
  async dashboard(actor: Actor, cycleRef: string): Promise<Dashboard> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const ws = actor.workspaceId;
    const cycle = await cycleOfFilter(session, cycleRef);
    const cycleId = cycle.id;
    const roots = (await session.repos.units.roots(ws)).map((u) => u.id);
    const all = await session.repos.objectives.listSummariesByCycle(ws, cycleId);
    const company = visibleGoals(
      session.scope,
      await session.repos.objectives.listByCycle(ws, cycleId, roots),
      objectiveSubject,
    ).visible;
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
    return {
      cycle: { id: cycle.id, name: cycle.name, state: cycle.state },
      company: company.map((o) => objectiveView(slice, session.scope, o)),
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
    };
  }
}
