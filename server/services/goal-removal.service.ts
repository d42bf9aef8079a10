import { z } from 'zod';
import { AppError } from '../../core/errors';
import { authorize } from '../policies/authorize';
import { can, type GoalSubject, isVisible } from '../policies/permissions';
import type { AlignmentRow } from '../repositories/alignment.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import { wouldMakeCycle } from './alignment.service';
import { type Actor, type ServiceDeps, transact } from './context';
import {
  getCycle,
  getKeyResult,
  getObjective,
  getSmartGoal,
  keyResultSubject,
  objectiveSubject,
  smartGoalSubject,
  staleVersion,
} from './goal-access';
import { type KeyResultRecord, keyResultRecord } from './key-result.service';
import { Rollups } from './rollup';
import { type Change, openSession, recordEvents, type Session } from './session';
import { smartGoalRecord } from './smart-goal.service';
import { accept, invalid } from './validate';

/** Input of `moveKeyResult`: the KR's version read, and the objective it moves to. */
export const moveKeyResultSchema = z
  .object({
    version: z.number().int().positive(),
    objectiveId: z.string().min(1),
  })
  .strict();

/** What a deletion removed. */
export interface Deletion {
  id: string;
  type: 'objective' | 'key_result' | 'smart_goal';
  /** KRs deleted with an objective. */
  keyResults: string[];
  /** The objective a deleted KR was on (it stays, recomputed); null otherwise. */
  objectiveId: string | null;
  /** Alignment links removed: the goal's own and its children's. */
  links: number;
  /** Check-ins deleted with it (admins only may delete a goal that has any). */
  checkIns: number;
}

type GoalType = Deletion['type'];

const NAMES: Record<GoalType, string> = {
  objective: 'objective',
  key_result: 'key result',
  smart_goal: 'SMART goal',
};
const HOW_TO_ARCHIVE: Record<GoalType, string> = {
  objective: 'drop it instead (PATCH with "state": "dropped"): it keeps its history and stops counting',
  key_result: 'set its weight to 0 instead (it stops counting in its objective), or drop its objective',
  smart_goal: 'drop it instead (PATCH with "state": "dropped"): it keeps its history and stops counting',
};

/**
 * Removing and moving goals: delete a goal created by mistake (its children's links go with it),
 * and move a KR to another objective. Every decision is the policies' (`delete`, `update`,
 * `create`); every change is an event, so webhooks hear of it.
 */
export class GoalRemovalService {
  constructor(readonly deps: ServiceDeps) {}

  /** Deletes an objective with its KRs (and their check-ins, for admins). */
  async deleteObjective(actor: Actor, id: string): Promise<Deletion> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const objective = await getObjective(session, id);
      const krs = await session.repos.keyResults.listByObjectives([id]);
      const checkIns = krs.reduce((n, kr) => n + kr.checkinCount, 0);
      authorizeDelete(session, 'objective', { ...objectiveSubject(objective), hasCheckIns: checkIns > 0 });
      await assertOpen(session, objective.cycleId, 'objective');
      const ids = [id, ...krs.map((kr) => kr.id)];
      const links = await session.repos.alignments.deleteTouching(actor.workspaceId, ids);
      await session.repos.checkIns.deleteOfGoals(
        actor.workspaceId,
        krs.map((kr) => kr.id),
      );
      await session.repos.objectives.delete(actor.workspaceId, id);
      await recomputeParents(session, links, new Set(ids));
      const { workspaceId: _, ...before } = objective;
      await recordEvents(session, [
        ...krs.map(
          (kr): Change => ({
            entityType: 'key_result',
            entityId: kr.id,
            action: 'deleted',
            before: keyResultRecord(kr),
          }),
        ),
        {
          entityType: 'objective',
          entityId: id,
          action: 'deleted',
          before: { ...before, links: linkList(links) },
        },
      ]);
      return {
        id,
        type: 'objective',
        keyResults: krs.map((kr) => kr.id),
        objectiveId: null,
        links: links.length,
        checkIns,
      };
    });
  }

  /** Deletes a KR (and its check-ins, for admins); its objective's score is recomputed. */
  async deleteKeyResult(actor: Actor, id: string): Promise<Deletion> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const { kr, objective } = await getKeyResult(session, id);
      authorizeDelete(session, 'key_result', {
        ...keyResultSubject(kr, objective),
        hasCheckIns: kr.checkinCount > 0,
      });
      await assertOpen(session, objective.cycleId, 'key_result');
      const links = await session.repos.alignments.deleteTouching(actor.workspaceId, [id]);
      await session.repos.checkIns.deleteOfGoals(actor.workspaceId, [id]);
      await session.repos.keyResults.delete(actor.workspaceId, id);
      const rollups = new Rollups(session.repos, actor.workspaceId, session.settings, session.at);
      rollups.defer();
      await rollups.objective(objective.id);
      await rollups.flush();
      await recordEvents(session, [
        {
          entityType: 'key_result',
          entityId: id,
          action: 'deleted',
          before: { ...keyResultRecord(kr), links: linkList(links) },
        },
      ]);
      return {
        id,
        type: 'key_result',
        keyResults: [],
        // A KR's owner may not see the objective it sits on (a private objective): then no id.
        objectiveId: isVisible(session.scope, objectiveSubject(objective)) ? objective.id : null,
        links: links.length,
        checkIns: kr.checkinCount,
      };
    });
  }

  /** Deletes a SMART goal (and its check-ins, for admins); the KRs it counted in are recomputed. */
  async deleteSmartGoal(actor: Actor, id: string): Promise<Deletion> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const goal = await getSmartGoal(session, id);
      authorizeDelete(session, 'smart_goal', {
        ...smartGoalSubject(goal),
        hasCheckIns: goal.checkinCount > 0,
      });
      await assertOpen(session, goal.cycleId, 'smart_goal');
      const links = await session.repos.alignments.deleteTouching(actor.workspaceId, [id]);
      await session.repos.checkIns.deleteOfGoals(actor.workspaceId, [id]);
      await session.repos.smartGoals.delete(actor.workspaceId, id);
      await recomputeParents(session, links, new Set([id]));
      await recordEvents(session, [
        {
          entityType: 'smart_goal',
          entityId: id,
          action: 'deleted',
          before: { ...smartGoalRecord(goal), links: linkList(links) },
        },
      ]);
      return {
        id,
        type: 'smart_goal',
        keyResults: [],
        objectiveId: null,
        links: links.length,
        checkIns: goal.checkinCount,
      };
    });
  }

  /**
   * Moves a KR to another objective (with its check-ins and the goals aligned to it). The actor
   * must be allowed to edit the KR and to add KRs to the target; both objectives' rollups are
   * recomputed; a stale `version` is a `conflict`.
   */
  async moveKeyResult(
    actor: Actor,
    id: string,
    input: z.input<typeof moveKeyResultSchema>,
  ): Promise<KeyResultRecord> {
    const data = accept(moveKeyResultSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const { repos } = session;
      const { kr, objective: from } = await getKeyResult(session, id);
      authorize(session.scope, 'update', 'key_result', keyResultSubject(kr, from));
      const to =
        (await repos.objectives.find(actor.workspaceId, data.objectiveId)) ??
        invalid('objectiveId', 'no such objective in this workspace');
      if (!can(session.scope, 'read', 'objective', objectiveSubject(to)))
        invalid('objectiveId', 'no such objective in this workspace');
      authorize(session.scope, 'create', 'key_result', objectiveSubject(to));
      if (kr.version !== data.version) staleVersion('key result', id, kr.version);
      if (to.id === from.id) invalid('objectiveId', 'the key result is already on this objective');
      await assertOpen(session, from.cycleId, 'key_result');
      await assertOpen(session, to.cycleId, 'key_result', 'objectiveId');
      if (await wouldMakeCycle(repos, actor.workspaceId, id, { type: 'objective', id: to.id }))
        invalid('objectiveId', 'the objective aligns (through its links) below this key result: a cycle');
      const position = (await repos.keyResults.listByObjectives([to.id])).length;
      const isChanged = await repos.keyResults.updateVersioned(id, data.version, {
        objectiveId: to.id,
        position,
        updatedAt: session.at,
      });
      if (!isChanged) staleVersion('key result', id, kr.version);
      const after = (await repos.keyResults.find(actor.workspaceId, id))!;
      const rollups = new Rollups(repos, actor.workspaceId, session.settings, session.at);
      rollups.defer();
      await rollups.keyResult(after, to);
      await rollups.objective(from.id);
      await rollups.flush();
      await recordEvents(session, [
        {
          entityType: 'key_result',
          entityId: id,
          action: 'moved',
          before: { objectiveId: from.id, version: kr.version },
          after: { objectiveId: to.id, version: after.version },
        },
      ]);
      return keyResultRecord((await repos.keyResults.find(actor.workspaceId, id))!);
    });
  }
}

/**
 * The policies decide (`delete`); a goal the actor may edit but not delete because it has
 * check-ins is a `conflict` saying how to archive it instead.
 */
function authorizeDelete(session: Session, type: GoalType, subject: GoalSubject & { id: string }): void {
  if (can(session.scope, 'delete', type, subject)) return;
  if (subject.hasCheckIns && can(session.scope, 'update', type, subject)) {
    throw new AppError(
      'conflict',
      `this ${NAMES[type]} has check-ins: only an admin may delete it; ${HOW_TO_ARCHIVE[type]}`,
      { reason: 'has_check_ins', id: subject.id },
    );
  }
  authorize(session.scope, 'delete', type, subject);
}

/** Refuses a change to a closed cycle's goals (its close-out record refers to them). */
async function assertOpen(
  session: Session,
  cycleId: string,
  type: GoalType,
  field?: string,
): Promise<CycleRow> {
  const cycle = await getCycle(session, cycleId);
  if (cycle.state === 'closed')
    throw new AppError('conflict', `cycle ${cycle.name} is closed; reopen it to change its ${NAMES[type]}s`, {
      reason: 'cycle_closed',
      ...(field ? { field } : {}),
    });
  return cycle;
}

/** Recomputes the aligned KRs that lost a child (those not deleted themselves). */
async function recomputeParents(
  session: Session,
  links: readonly AlignmentRow[],
  deleted: ReadonlySet<string>,
) {
  const parents = [
    ...new Set(
      links.filter((l) => l.parentType === 'key_result' && !deleted.has(l.parentId)).map((l) => l.parentId),
    ),
  ].sort();
  if (parents.length === 0) return;
  const rollups = new Rollups(session.repos, session.actor.workspaceId, session.settings, session.at);
  rollups.defer();
  for (const id of parents) await rollups.alignedKeyResult(id);
  await rollups.flush();
}

const linkList = (links: readonly AlignmentRow[]) =>
  links.map((l) => ({
    childType: l.childType,
    childId: l.childId,
    parentType: l.parentType,
    parentId: l.parentId,
    weight: l.weight,
  }));
