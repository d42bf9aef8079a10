import { authorize } from '../policies/authorize';
import type { CheckInRow } from '../repositories/check-in.repository';
import type { Actor, ServiceDeps } from './context';
import {
  getKeyResult,
  getObjective,
  getSmartGoal,
  keyResultSubject,
  objectiveSubject,
  smartGoalSubject,
} from './goal-access';
import { openSession, type Session } from './session';

/** A check-in as shown. */
export interface CheckInView extends Omit<CheckInRow, 'workspaceId' | 'done'> {
  done: string[] | null;
}

/** Which goal's check-ins: validated by the caller (the route's query). */
export interface CheckInGoal {
  goalType: 'key_result' | 'smart_goal';
  goalId: string;
}

type GoalType = 'objective' | 'key_result' | 'smart_goal';

/** Reads of check-ins, and whether someone may see a goal (for live notices). */
export class CheckInReadService {
  constructor(readonly deps: ServiceDeps) {}

  /** Every check-in of a KR or SMART goal the actor may see, in entry order. */
  async list(actor: Actor, { goalType, goalId }: CheckInGoal): Promise<CheckInView[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    await authorizeRead(session, goalType, goalId);
    const rows = await session.repos.checkIns.listByGoals([goalId]);
    return (
      rows
        .filter((r) => r.workspaceId === actor.workspaceId)
        .sort((a, b) => a.seq - b.seq)
        // Every field listed (no spread row): a new column reaches the API only when added here.
        .map((r) => ({
          id: r.id,
          goalType: r.goalType,
          goalId: r.goalId,
          seq: r.seq,
          at: r.at,
          value: r.value,
          done: r.done === null ? null : (JSON.parse(r.done) as string[]),
          confidence: r.confidence,
          note: r.note,
          authorId: r.authorId,
          source: r.source,
          correctsId: r.correctsId,
          createdAt: r.createdAt,
        }))
    );
  }

  /** Whether the actor may see a goal (false when it does not exist). */
  async canSee(actor: Actor, goalType: GoalType, goalId: string): Promise<boolean> {
    // Asked for every live notice and viewer, and reads no rollup: it leaves the rollup backlog
    // to the reads that follow.
    const session = await openSession(this.deps, this.deps.db.kysely, actor, undefined, {
      isSettling: false,
    });
    try {
      await authorizeRead(session, goalType, goalId);
      return true;
    } catch {
      return false;
    }
  }
}

async function authorizeRead(session: Session, type: GoalType, id: string): Promise<void> {
  if (type === 'objective')
    authorize(session.scope, 'read', type, objectiveSubject(await getObjective(session, id)));
  else if (type === 'smart_goal')
    authorize(session.scope, 'read', type, smartGoalSubject(await getSmartGoal(session, id)));
  else {
    const { kr, objective } = await getKeyResult(session, id);
    authorize(session.scope, 'read', type, keyResultSubject(kr, objective));
  }
}
