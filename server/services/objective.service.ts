import { z } from 'zod';
import { objectiveKindSchema } from '../../core/settings';
import { authorize } from '../policies/authorize';
import type { ObjectiveRow } from '../repositories/objective.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import {
  assertOpenForNewGoals,
  assertPerson,
  getCycle,
  getObjective,
  objectiveSubject,
  staleVersion,
} from './goal-access';
import { assertPublishable } from './publish-gate';
import { Rollups } from './rollup';
import { openSession, recordEvents } from './session';
import { accept, invalid, isEmptyChange } from './validate';
import { hiddenGoalsAmong, visibleRef } from './visibility';

const visibility = z.enum(['workspace', 'unit', 'private']);

/** Input of `create`. An objective belongs to a unit, or to a person (a personal OKR). */
export const createObjectiveSchema = z
  .object({
    cycleId: z.string().min(1),
    title: z.string().trim().min(1).max(300),
    description: z.string().max(5000).optional(),
    kind: objectiveKindSchema.optional(),
    unitId: z.string().min(1).optional(),
    ownerId: z.string().min(1).optional(),
    leadId: z.string().min(1).optional(),
    visibility: visibility.default('workspace'),
    state: z.enum(['draft', 'active']).default('active'),
  })
  .strict();

/** Input of `update`: the version read, and the fields to change. */
export const updateObjectiveSchema = z
  .object({
    version: z.number().int().positive(),
    title: z.string().trim().min(1).max(300).optional(),
    description: z.string().max(5000).nullable().optional(),
    kind: objectiveKindSchema.optional(),
    leadId: z.string().min(1).optional(),
    visibility: visibility.optional(),
    state: z.enum(['draft', 'active', 'dropped']).optional(),
  })
  .strict();

/** An objective as stored (without computed numbers; `GoalReadService` adds those). */
export type ObjectiveRecord = Omit<ObjectiveRow, 'workspaceId'>;

/** Every field listed (no spread row): a new column reaches the API only when added here. */
const record = (row: ObjectiveRow): ObjectiveRecord => ({
  id: row.id,
  cycleId: row.cycleId,
  title: row.title,
  description: row.description,
  kind: row.kind,
  unitId: row.unitId,
  ownerId: row.ownerId,
  leadId: row.leadId,
  visibility: row.visibility,
  state: row.state,
  predecessorId: row.predecessorId,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  progress: row.progress,
  score: row.score,
  latestCheckinAt: row.latestCheckinAt,
  frozenScore: row.frozenScore,
  frozenGrade: row.frozenGrade,
});

/** Objectives: create, edit (with optimistic concurrency), drop. */
export class ObjectiveService {
  constructor(readonly deps: ServiceDeps) {}

  /** Creates an objective in an open cycle for a unit the actor belongs to or leads, or for themselves. */
  async create(actor: Actor, input: z.input<typeof createObjectiveSchema>): Promise<ObjectiveRecord> {
    const data = accept(createObjectiveSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const cycle = await getCycle(session, data.cycleId);
      assertOpenForNewGoals(cycle);
      if (data.unitId && !(await session.repos.units.find(actor.workspaceId, data.unitId))) {
        invalid('unitId', 'no such unit in this workspace');
      }
      const ownerId = data.unitId ? (data.ownerId ?? null) : (data.ownerId ?? actor.personId);
      await assertPerson(session, 'ownerId', ownerId);
      await assertPerson(session, 'leadId', data.leadId);
      const row: ObjectiveRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        cycleId: cycle.id,
        title: data.title,
        description: data.description ?? null,
        kind: data.kind ?? null,
        unitId: data.unitId ?? null,
        ownerId,
        leadId: data.leadId ?? ownerId ?? actor.personId,
        visibility: data.visibility,
        state: data.state,
        predecessorId: null,
        version: 1,
        createdAt: session.at,
        updatedAt: session.at,
        progress: null,
        score: null,
        latestCheckinAt: null,
        frozenScore: null,
        frozenGrade: null,
      };
      authorize(session.scope, 'create', 'objective', objectiveSubject(row));
      await session.repos.objectives.insert(row);
      if (row.state === 'active') await assertPublishable(session, cycle, new Set([row.id]), 'the objective');
      await recordEvents(session, [
        { entityType: 'objective', entityId: row.id, action: 'created', after: record(row) },
      ]);
      return record(row);
    });
  }

  /**
   * Edits an objective; a stale `version` is a `conflict` and nothing changes. Moving it from
   * `draft` to `active` publishes it: the publish gate may refuse (`assertPublishable`).
   */
  async update(
    actor: Actor,
    id: string,
    input: z.input<typeof updateObjectiveSchema>,
  ): Promise<ObjectiveRecord> {
    const data = accept(updateObjectiveSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const before = await getObjective(session, id);
      authorize(session.scope, 'update', 'objective', objectiveSubject(before));
      if (isEmptyChange(data))
        return data.version === before.version
          ? record(before)
          : staleVersion('objective', id, before.version);
      await assertPerson(session, 'leadId', data.leadId);
      const { version, ...patch } = data;
      const isChanged = await session.repos.objectives.updateVersioned(id, version, {
        ...patch,
        updatedAt: session.at,
      });
      if (!isChanged)
        staleVersion('objective', id, (await session.repos.objectives.find(actor.workspaceId, id))?.version);
      const after = await getObjective(session, id);
      const cycle = await getCycle(session, before.cycleId);
      if (before.state === 'draft' && after.state === 'active') {
        const keyResults = await session.repos.keyResults.listByObjectives([id]);
        await assertPublishable(
          session,
          cycle,
          new Set([id, ...keyResults.map((kr) => kr.id)]),
          'the objective',
        );
      }
      if (patch.kind !== undefined || patch.state !== undefined) {
        await new Rollups(session.repos, actor.workspaceId, session.settings, session.at).objective(id);
      }
      await recordEvents(session, [
        {
          entityType: 'objective',
          entityId: id,
          action: 'updated',
          before: record(before),
          after: record(after),
          isAfterClose: cycle.state === 'closed',
        },
      ]);
      const hidden = await hiddenGoalsAmong(session, [after.predecessorId]);
      return { ...record(after), predecessorId: visibleRef(hidden, after.predecessorId) };
    });
  }
}
