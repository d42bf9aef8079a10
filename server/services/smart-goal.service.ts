import { z } from 'zod';
import { measureSchema } from '../../core/measure';
import { cadenceSchema } from '../../core/settings';
import { isDateText } from '../../core/time';
import { authorize } from '../policies/authorize';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import { link } from './alignment.service';
import { type Actor, type ServiceDeps, transact } from './context';
import {
  assertOpenForNewGoals,
  assertPerson,
  getCycle,
  getSmartGoal,
  smartGoalSubject,
  staleVersion,
} from './goal-access';
import { assertPublishable } from './publish-gate';
import { Rollups } from './rollup';
import { openSession, recordEvents } from './session';
import { accept, invalid, isEmptyChange } from './validate';

const date = z.string().refine(isDateText, { message: 'expected a date YYYY-MM-DD' });
const support = z
  .object({
    type: z.enum(['objective', 'key_result']),
    id: z.string().min(1),
    weight: z.number().finite().min(0).max(1000).default(1),
  })
  .strict();

/** Input of `create`. `supports` names the KRs or objectives it is relevant to. */
export const createSmartGoalSchema = z
  .object({
    cycleId: z.string().min(1),
    title: z.string().trim().min(1).max(300),
    definitionOfDone: z.string().max(5000).optional(),
    ownerId: z.string().min(1).optional(),
    unitId: z.string().min(1).optional(),
    measure: measureSchema.nullable().default(null),
    startDate: date,
    dueDate: date,
    achievability: z.string().max(5000).optional(),
    visibility: z.enum(['workspace', 'unit', 'private']).default('workspace'),
    cadence: cadenceSchema.nullable().default(null),
    supports: z.array(support).max(20).default([]),
    /** Default: `draft` in a cycle in planning (published when it activates), else `open`. */
    state: z.enum(['draft', 'open']).optional(),
  })
  .strict()
  .refine((g) => g.dueDate >= g.startDate, { path: ['dueDate'], message: 'must not be before startDate' });

/** Input of `update`. */
export const updateSmartGoalSchema = z
  .object({
    version: z.number().int().positive(),
    title: z.string().trim().min(1).max(300).optional(),
    definitionOfDone: z.string().max(5000).nullable().optional(),
    measure: measureSchema.nullable().optional(),
    startDate: date.optional(),
    dueDate: date.optional(),
    achievability: z.string().max(5000).nullable().optional(),
    visibility: z.enum(['workspace', 'unit', 'private']).optional(),
    state: z.enum(['draft', 'open', 'done', 'missed', 'dropped']).optional(),
    cadence: cadenceSchema.nullable().optional(),
  })
  .strict();

/** A SMART goal as stored (measure decoded). */
export interface SmartGoalRecord extends Omit<SmartGoalRow, 'workspaceId' | 'measure' | 'facts'> {
  measure: unknown;
}

/** Decodes a SMART goal row: every field listed, so a new column reaches the API only when added here. */
export function smartGoalRecord(row: SmartGoalRow): SmartGoalRecord {
  return {
    id: row.id,
    cycleId: row.cycleId,
    title: row.title,
    definitionOfDone: row.definitionOfDone,
    ownerId: row.ownerId,
    unitId: row.unitId,
    measure: row.measure === null ? null : JSON.parse(row.measure),
    startDate: row.startDate,
    dueDate: row.dueDate,
    achievability: row.achievability,
    visibility: row.visibility,
    state: row.state,
    cadence: row.cadence,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    progress: row.progress,
    score: row.score,
    latestValue: row.latestValue,
    latestCheckinAt: row.latestCheckinAt,
    checkinCount: row.checkinCount,
    frozenScore: row.frozenScore,
    frozenGrade: row.frozenGrade,
  };
}

/** SMART goals: create (with the links they support), edit with optimistic concurrency. */
export class SmartGoalService {
  constructor(readonly deps: ServiceDeps) {}

  /**
   * Creates a SMART goal for the actor (or, for a lead or admin, someone in their units). In a
   * cycle in planning it is a `draft` unless created `open`; an `open` one passes the publish gate.
   */
  async create(actor: Actor, input: z.input<typeof createSmartGoalSchema>): Promise<SmartGoalRecord> {
    const data = accept(createSmartGoalSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const cycle = await getCycle(session, data.cycleId);
      assertOpenForNewGoals(cycle);
      const ownerId = data.ownerId ?? actor.personId;
      await assertPerson(session, 'ownerId', ownerId);
      let unitId = data.unitId ?? null;
      if (unitId && !(await session.repos.units.find(actor.workspaceId, unitId)))
        invalid('unitId', 'no such unit');
      if (!unitId) {
        const units = await session.repos.units.membershipsOf(ownerId);
        unitId = units.map((m) => m.unitId).sort()[0] ?? null;
      }
      const row: SmartGoalRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        cycleId: cycle.id,
        title: data.title,
        definitionOfDone: data.definitionOfDone ?? null,
        ownerId,
        unitId,
        measure: data.measure === null ? null : JSON.stringify(data.measure),
        startDate: data.startDate,
        dueDate: data.dueDate,
        achievability: data.achievability ?? null,
        visibility: data.visibility,
        state: data.state ?? (cycle.state === 'planning' ? 'draft' : 'open'),
        cadence: data.cadence,
        version: 1,
        createdAt: session.at,
        updatedAt: session.at,
        progress: null,
        score: null,
        latestValue: null,
        latestCheckinAt: null,
        checkinCount: 0,
        facts: null,
        frozenScore: null,
        frozenGrade: null,
      };
      authorize(session.scope, 'create', 'smart_goal', smartGoalSubject(row));
      await session.repos.smartGoals.insert(row);
      await new Rollups(session.repos, actor.workspaceId, session.settings, session.at).smartGoal(row);
      for (const [index, s] of data.supports.entries()) {
        await link(
          session,
          { childType: 'smart_goal', childId: row.id, parentType: s.type, parentId: s.id, weight: s.weight },
          `supports.${index}.id`,
        );
      }
      if (row.state !== 'draft') await assertPublishable(session, cycle, new Set([row.id]), 'the SMART goal');
      await recordEvents(session, [
        { entityType: 'smart_goal', entityId: row.id, action: 'created', after: smartGoalRecord(row) },
      ]);
      return smartGoalRecord((await session.repos.smartGoals.find(actor.workspaceId, row.id))!);
    });
  }

  /**
   * Edits a SMART goal; a stale `version` is a `conflict` and nothing changes. Moving it out of
   * `draft` (to anything but `dropped`) publishes it: the publish gate may refuse.
   */
  async update(
    actor: Actor,
    id: string,
    input: z.input<typeof updateSmartGoalSchema>,
  ): Promise<SmartGoalRecord> {
    const data = accept(updateSmartGoalSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const before = await getSmartGoal(session, id);
      authorize(session.scope, 'update', 'smart_goal', smartGoalSubject(before));
      if (isEmptyChange(data))
        return data.version === before.version
          ? smartGoalRecord(before)
          : staleVersion('SMART goal', id, before.version);
      const { version, measure, ...rest } = data;
      if ((rest.dueDate ?? before.dueDate) < (rest.startDate ?? before.startDate)) {
        invalid('dueDate', 'must not be before startDate');
      }
      const isChanged = await session.repos.smartGoals.updateVersioned(id, version, {
        ...rest,
        ...(measure === undefined ? {} : { measure: measure === null ? null : JSON.stringify(measure) }),
        updatedAt: session.at,
      });
      if (!isChanged)
        staleVersion('SMART goal', id, (await session.repos.smartGoals.find(actor.workspaceId, id))?.version);
      const after = (await session.repos.smartGoals.find(actor.workspaceId, id))!;
      await new Rollups(session.repos, actor.workspaceId, session.settings, session.at).smartGoal(after);
      const cycle = await getCycle(session, before.cycleId);
      if (before.state === 'draft' && after.state !== 'draft' && after.state !== 'dropped')
        await assertPublishable(session, cycle, new Set([id]), 'the SMART goal');
      await recordEvents(session, [
        {
          entityType: 'smart_goal',
          entityId: id,
          action: 'updated',
          before: smartGoalRecord(before),
          after: smartGoalRecord(after),
          isAfterClose: cycle.state === 'closed',
        },
      ]);
      return smartGoalRecord((await session.repos.smartGoals.find(actor.workspaceId, id))!);
    });
  }
}
