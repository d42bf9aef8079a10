import { z } from 'zod';
import { measureSchema } from '../../core/measure';
import { cadenceSchema } from '../../core/settings';
import { isDateText } from '../../core/time';
import { authorize } from '../policies/authorize';
import { isVisible } from '../policies/permissions';
import type { KeyResultRow } from '../repositories/key-result.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import {
  assertOpenForNewGoals,
  assertPerson,
  getCycle,
  getKeyResult,
  getObjective,
  keyResultSubject,
  objectiveSubject,
  staleVersion,
} from './goal-access';
import { Rollups } from './rollup';
import { openSession, recordEvents } from './session';
import { accept, isEmptyChange } from './validate';

const planPoint = z
  .object({
    date: z.string().refine(isDateText, { message: 'expected a date YYYY-MM-DD' }),
    expected: z.number().finite().min(0).max(10),
  })
  .strict();

const fields = {
  title: z.string().trim().min(1).max(300),
  measure: measureSchema.nullable(),
  weight: z.number().finite().min(0).max(1000),
  ownerId: z.string().min(1).nullable(),
  plan: z.array(planPoint).max(100),
  cadence: cadenceSchema.nullable(),
  progressSource: z.enum(['metric', 'aligned']),
  isLeading: z.boolean(),
};

/** Input of `create`. A KR without a measure is a draft. */
export const createKeyResultSchema = z
  .object({
    objectiveId: z.string().min(1),
    title: fields.title,
    measure: fields.measure.default(null),
    weight: fields.weight.default(1),
    ownerId: fields.ownerId.optional(),
    plan: fields.plan.default([]),
    cadence: fields.cadence.default(null),
    progressSource: fields.progressSource.default('metric'),
    isLeading: fields.isLeading.default(false),
  })
  .strict();

/** Input of `update`: the version read, and the fields to change. */
export const updateKeyResultSchema = z
  .object({
    version: z.number().int().positive(),
    title: fields.title.optional(),
    measure: fields.measure.optional(),
    weight: fields.weight.optional(),
    ownerId: fields.ownerId.optional(),
    plan: fields.plan.optional(),
    cadence: fields.cadence.optional(),
    progressSource: fields.progressSource.optional(),
    isLeading: fields.isLeading.optional(),
  })
  .strict();

/** A KR as stored (JSON columns decoded). */
export interface KeyResultRecord
  extends Omit<KeyResultRow, 'workspaceId' | 'measure' | 'plan' | 'isLeading' | 'facts'> {
  measure: unknown;
  plan: { date: string; expected: number }[];
  isLeading: boolean;
}

/** Decodes a KR row: every field listed, so a new column reaches the API (and events) only when added here. */
export function keyResultRecord(row: KeyResultRow): KeyResultRecord {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    title: row.title,
    measure: row.measure === null ? null : JSON.parse(row.measure),
    weight: row.weight,
    ownerId: row.ownerId,
    plan: JSON.parse(row.plan),
    cadence: row.cadence,
    progressSource: row.progressSource,
    isLeading: row.isLeading === 1,
    position: row.position,
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

/** Key results: create and edit (with optimistic concurrency); rollups follow every change. */
export class KeyResultService {
  constructor(readonly deps: ServiceDeps) {}

  /** Adds a KR to an objective the actor owns or whose unit they lead. */
  async create(actor: Actor, input: z.input<typeof createKeyResultSchema>): Promise<KeyResultRecord> {
    const data = accept(createKeyResultSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      // Locked first (PostgreSQL): the insert below takes a key-share lock on the objective (the
      // foreign key) and the rollup then locks it for update; two creates under one objective
      // holding the first and waiting for the second deadlocked. Locked first, they queue (and
      // take distinct positions).
      const objective = await getObjective(session, data.objectiveId, { forUpdate: true });
      authorize(session.scope, 'create', 'key_result', objectiveSubject(objective));
      const cycle = await getCycle(session, objective.cycleId);
      assertOpenForNewGoals(cycle, 'objectiveId');
      await assertPerson(session, 'ownerId', data.ownerId);
      const siblings = await session.repos.keyResults.listByObjectives([objective.id]);
      const row: KeyResultRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        objectiveId: objective.id,
        title: data.title,
        measure: data.measure === null ? null : JSON.stringify(data.measure),
        weight: data.weight,
        ownerId: data.ownerId ?? objective.leadId,
        plan: JSON.stringify(data.plan),
        cadence: data.cadence,
        progressSource: data.progressSource,
        isLeading: data.isLeading ? 1 : 0,
        position: siblings.length,
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
      await session.repos.keyResults.insert(row);
      // With what is at hand (the locked objective, its cycle, and no check-ins yet), the rollup
      // reads nothing more than the objective's KRs (round trips: issue 17 item 4).
      const rollups = new Rollups(session.repos, actor.workspaceId, session.settings, session.at);
      rollups.knowCycle(cycle);
      await rollups.keyResult(row, objective, { isNew: true });
      await recordEvents(session, [
        { entityType: 'key_result', entityId: row.id, action: 'created', after: keyResultRecord(row) },
      ]);
      return keyResultRecord((await session.repos.keyResults.find(actor.workspaceId, row.id))!);
    });
  }

  /** Edits a KR; a stale `version` is a `conflict` and nothing changes. */
  async update(
    actor: Actor,
    id: string,
    input: z.input<typeof updateKeyResultSchema>,
  ): Promise<Omit<KeyResultRecord, 'objectiveId'> & { objectiveId: string | null }> {
    const data = accept(updateKeyResultSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      const { kr: before, objective } = await getKeyResult(session, id);
      authorize(session.scope, 'update', 'key_result', keyResultSubject(before, objective));
      if (isEmptyChange(data))
        return data.version === before.version
          ? keyResultRecord(before)
          : staleVersion('key result', id, before.version);
      await assertPerson(session, 'ownerId', data.ownerId);
      const { version, measure, plan, isLeading, ...rest } = data;
      const isChanged = await session.repos.keyResults.updateVersioned(id, version, {
        ...rest,
        ...(measure === undefined ? {} : { measure: measure === null ? null : JSON.stringify(measure) }),
        ...(plan === undefined ? {} : { plan: JSON.stringify(plan) }),
        ...(isLeading === undefined ? {} : { isLeading: isLeading ? 1 : 0 }),
        updatedAt: session.at,
      });
      if (!isChanged)
        staleVersion('key result', id, (await session.repos.keyResults.find(actor.workspaceId, id))?.version);
      const after = (await session.repos.keyResults.find(actor.workspaceId, id))!;
      await new Rollups(session.repos, actor.workspaceId, session.settings, session.at).keyResult(after);
      const cycle = await getCycle(session, objective.cycleId);
      await recordEvents(session, [
        {
          entityType: 'key_result',
          entityId: id,
          action: 'updated',
          before: keyResultRecord(before),
          after: keyResultRecord(after),
          isAfterClose: cycle.state === 'closed',
        },
      ]);
      const record = keyResultRecord((await session.repos.keyResults.find(actor.workspaceId, id))!);
      // Its owner may edit a KR inside an objective they may not see: that objective stays unnamed.
      return isVisible(session.scope, objectiveSubject(objective))
        ? record
        : { ...record, objectiveId: null };
    });
  }
}
