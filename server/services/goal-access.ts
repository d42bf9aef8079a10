import { AppError } from '../../core/errors';
import { goalNotFound } from '../policies/authorize';
import type { GoalSubject } from '../policies/permissions';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { Session } from './session';
import { invalid, notFound } from './validate';

/** What the policies see of a goal, and which goal it is (for a `not_found` that names it). */
export type GoalSubjectOf = GoalSubject & { id: string; type: 'objective' | 'key_result' | 'smart_goal' };

/** What the policies see of an objective. */
export function objectiveSubject(
  row: Pick<ObjectiveRow, 'id' | 'workspaceId' | 'visibility' | 'unitId' | 'leadId' | 'ownerId'>,
): GoalSubjectOf {
  return {
    id: row.id,
    type: 'objective',
    workspaceId: row.workspaceId,
    visibility: row.visibility,
    unitId: row.unitId,
    ownerIds: [row.leadId, row.ownerId],
  };
}

/** What the policies see of a KR: its objective's visibility and unit, and its own owner too. */
export function keyResultSubject(row: KeyResultRow, objective: ObjectiveRow): GoalSubjectOf {
  return {
    ...objectiveSubject(objective),
    id: row.id,
    type: 'key_result',
    ownerIds: [row.ownerId, objective.leadId, objective.ownerId],
  };
}

/** What the policies see of a SMART goal. */
export function smartGoalSubject(row: SmartGoalRow): GoalSubjectOf {
  return {
    id: row.id,
    type: 'smart_goal',
    workspaceId: row.workspaceId,
    visibility: row.visibility,
    unitId: row.unitId,
    ownerIds: [row.ownerId],
  };
}

/** The objective, or `not_found`. */
export async function getObjective(session: Session, id: string): Promise<ObjectiveRow> {
  const row = await session.repos.objectives.find(session.actor.workspaceId, id);
  return row ?? goalNotFound('objective', id);
}

/** The KR and its objective, or `not_found`. */
export async function getKeyResult(
  session: Session,
  id: string,
): Promise<{ kr: KeyResultRow; objective: ObjectiveRow }> {
  const kr = await session.repos.keyResults.find(session.actor.workspaceId, id);
  if (!kr) return goalNotFound('key_result', id);
  return { kr, objective: await getObjective(session, kr.objectiveId) };
}

/** The SMART goal, or `not_found`. */
export async function getSmartGoal(session: Session, id: string): Promise<SmartGoalRow> {
  const row = await session.repos.smartGoals.find(session.actor.workspaceId, id);
  return row ?? goalNotFound('smart_goal', id);
}

/** The cycle, or `not_found`. */
export async function getCycle(session: Session, id: string): Promise<CycleRow> {
  const row = await session.repos.cycles.find(session.actor.workspaceId, id);
  return row ?? notFound('cycle', id);
}

/**
 * The cycle a filter names, by id or by name (`2026-Q4`, `FY2027-Q1`). An unknown one is a
 * `validation` error naming the query parameter (`cycle`), never an empty answer.
 *
 * @example
 * const cycle = await cycleOfFilter(session, '2026-Q4');
 */
export async function cycleOfFilter(session: Session, ref: string, parameter = 'cycle'): Promise<CycleRow> {
  const ws = session.actor.workspaceId;
  const row = (await session.repos.cycles.find(ws, ref)) ?? (await session.repos.cycles.findByName(ws, ref));
  return row ?? invalid(parameter, `no cycle with the id or name "${ref}"`);
}

/** Refuses new goals in a closed cycle (edits to existing ones are allowed, and flagged). */
export function assertOpenForNewGoals(cycle: CycleRow, field = 'cycleId'): void {
  if (cycle.state === 'closed') {
    throw new AppError('conflict', `cycle ${cycle.name} is closed; reopen it first`, { field });
  }
}

/** Checks that a referenced person exists in the workspace, naming the field otherwise. */
export async function assertPerson(
  session: Session,
  field: string,
  id: string | null | undefined,
): Promise<void> {
  if (id && !(await session.repos.people.find(session.actor.workspaceId, id))) {
    invalid(field, 'no such person in this workspace');
  }
}

/**
 * A `conflict` for a stale version. `current` must be read after the versioned update found
 * nothing to change (not the row read before it): on PostgreSQL another transaction may have
 * committed in between, and the client must learn the version that is current now.
 */
export function staleVersion(entity: string, id: string, current: number | undefined): never {
  throw new AppError('conflict', `the ${entity} was changed since you read it; reload and try again`, {
    id,
    currentVersion: current ?? null,
  });
}
