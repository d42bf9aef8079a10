import { AppError } from '../../core/errors';
import { goalNotFound } from '../policies/authorize';
import type { GoalSubject } from '../policies/permissions';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import { windowOfCycle } from './evaluation';
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
export async function getObjective(
  session: Session,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ObjectiveRow> {
  const forUpdate = options.forUpdate === true && session.repos.hasRowLocks;
  const row = await session.repos.objectives.find(session.actor.workspaceId, id, { forUpdate });
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

/** The cycle by id or by name (`2026-Q4`), or `not_found`. */
export async function getCycleByIdOrName(session: Session, idOrName: string): Promise<CycleRow> {
  const ws = session.actor.workspaceId;
  const row =
    (await session.repos.cycles.find(ws, idOrName)) ?? (await session.repos.cycles.findByName(ws, idOrName));
  return row ?? notFound('cycle', idOrName);
}

/**
 * The active cycle: the one in state `active`; when several are (a year and its quarter, or two
 * overlapping custom cycles), the one whose window contains now, the shortest of those (the
 * quarter before its year); when none contains now, the one that started last. `not_found` when
 * no cycle is active.
 */
export async function getActiveCycle(session: Session): Promise<CycleRow> {
  const active = (await session.repos.cycles.list(session.actor.workspaceId)).filter(
    (c) => c.state === 'active',
  );
  const tz = session.settings.timeZone;
  const windows = active.map((cycle) => ({ cycle, window: windowOfCycle(cycle, tz) }));
  const containing = windows
    .filter(({ window }) => window.start <= session.at && session.at < window.end)
    .sort((a, b) => a.window.end - a.window.start - (b.window.end - b.window.start));
  const chosen = containing[0] ?? windows.sort((a, b) => b.window.start - a.window.start)[0];
  if (!chosen) {
    throw new AppError('not_found', 'no cycle is active; pass ?cycle= (an id or a name such as 2026-Q4)', {
      entity: 'cycle',
    });
  }
  return chosen.cycle;
}

/** The cycle a read names (id or name), or the active cycle when it names none. */
export function resolveCycle(session: Session, idOrName: string | undefined): Promise<CycleRow> {
  return idOrName === undefined ? getActiveCycle(session) : cycleOfFilter(session, idOrName);
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

/**
 * Refuses, unless the actor is the person, their manager, a lead of one of their units or an
 * admin: what is private to a person (their calibration, their check-in list) stops there.
 */
export async function assertMayReadPerson(session: Session, personId: string, what: string): Promise<void> {
  const { repos, scope } = session;
  if (!(await repos.people.find(session.actor.workspaceId, personId))) notFound('person', personId);
  if (scope.role === 'admin' || scope.personId === personId || scope.reports.has(personId)) return;
  const units = await repos.units.membershipsOf(personId);
  if (units.some((m) => scope.ledUnits.has(m.unitId))) return;
  throw new AppError('forbidden', `${what} is for them, their manager, their leads and admins`, { personId });
}

/**
 * `assertMayReadPerson` for many people at once (the people are known to exist): one read of their
 * memberships instead of one per person; throws for the first one the actor may not read.
 */
export async function assertMayReadPeople(
  session: Session,
  personIds: readonly string[],
  what: string,
): Promise<void> {
  const { repos, scope } = session;
  if (scope.role === 'admin') return;
  const others = personIds.filter((id) => id !== scope.personId && !scope.reports.has(id));
  if (others.length === 0) return;
  const led = new Set(
    (await repos.units.membershipsOfMany(others))
      .filter((m) => scope.ledUnits.has(m.unitId))
      .map((m) => m.personId),
  );
  const forbidden = others.find((id) => !led.has(id));
  if (forbidden)
    throw new AppError('forbidden', `${what} is for them, their manager, their leads and admins`, {
      personId: forbidden,
    });
}
