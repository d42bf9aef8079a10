import { authorize } from '../policies/authorize';
import type { EventRow } from '../repositories/event.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import {
  getCycle,
  getKeyResult,
  getObjective,
  getSmartGoal,
  keyResultSubject,
  objectiveSubject,
  smartGoalSubject,
} from './goal-access';
import { recomputeCycles } from './rollup';
import { openSession, type Session } from './session';
import { hiddenGoalsAmong, idsIn, redactIds } from './visibility';

/** One entry of a goal's history (SPEC 2, events): who, when, from where, before and after. */
export interface HistoryEntry {
  id: string;
  at: number;
  actorType: EventRow['actorType'];
  actorId: string | null;
  /** The API token the change was made with, if it was. */
  actorTokenId: string | null;
  source: EventRow['source'];
  action: string;
  before: unknown;
  after: unknown;
  isEditedAfterClose: boolean;
  /** References in before and after to goals the viewer may not see, replaced by null. */
  hiddenGoals: number;
}

/** Which goal's history: validated by the caller (the route's query). */
export interface GoalRef {
  goalType: 'objective' | 'key_result' | 'smart_goal';
  goalId: string;
}

/** A goal's history, and the upkeep of stored rollups. */
export class HistoryService {
  constructor(readonly deps: ServiceDeps) {}

  /** The events of a goal the actor may see, oldest first (`not_found` otherwise). */
  async history(actor: Actor, { goalType, goalId }: GoalRef): Promise<HistoryEntry[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    await authorizeRead(session, goalType, goalId);
    const rows = await session.repos.events.listByEntity(actor.workspaceId, goalId);
    const hidden = await hiddenGoalsAmong(session, idsIn(rows.map((r) => [r.before, r.after])));
    return rows.map((row) => {
      const shown = redactIds(hidden, { before: row.before, after: row.after });
      const { before: b, after: a } = shown.value as { before: unknown; after: unknown };
      return {
        id: row.id,
        at: row.at,
        actorType: row.actorType,
        actorId: row.actorId,
        actorTokenId: row.actorTokenId,
        source: row.source,
        action: row.action,
        before: b,
        after: a,
        isEditedAfterClose: row.isEditedAfterClose,
        hiddenGoals: shown.hidden,
      };
    });
  }

  /**
   * Recomputes the stored rollups of every goal in a cycle as of now (admins): after a migration
   * that added rollup columns, or a settings change (timezone, stale factor). One transaction;
   * ancestors are recomputed once each, children before parents.
   */
  async recomputeCycle(actor: Actor, cycleId: string): Promise<{ goals: number }> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'cycle');
      const cycle = await getCycle(session, cycleId);
      const goals = await recomputeCycles(session.repos, actor.workspaceId, session.settings, session.at, [
        cycle.id,
      ]);
      return { goals };
    });
  }
}

async function authorizeRead(session: Session, type: 'objective' | 'key_result' | 'smart_goal', id: string) {
  if (type === 'objective')
    authorize(session.scope, 'read', type, objectiveSubject(await getObjective(session, id)));
  else if (type === 'smart_goal')
    authorize(session.scope, 'read', type, smartGoalSubject(await getSmartGoal(session, id)));
  else {
    const { kr, objective } = await getKeyResult(session, id);
    authorize(session.scope, 'read', type, keyResultSubject(kr, objective));
  }
}
