import { z } from 'zod';
import { AppError } from '../../core/errors';
import { milestoneProgress, milestoneWeights } from '../../core/measure';
import { parseMoment } from '../../core/time';
import { authorize } from '../policies/authorize';
import type { CheckInRow } from '../repositories/check-in.repository';
import { repositories } from '../repositories/index';
import { type Actor, type ServiceDeps, transact } from './context';
import { readMeasure } from './evaluation';
import { getKeyResult, getSmartGoal, keyResultSubject, smartGoalSubject } from './goal-access';
import { Rollups } from './rollup';
import { openSession, recordEvents, type Session } from './session';
import { invalid, parseInput } from './validate';

/** Input of one check-in. `done` gives milestone names (milestones) or true/false (boolean). */
export const checkInSchema = z
  .object({
    goalType: z.enum(['key_result', 'smart_goal']),
    goalId: z.string().min(1),
    value: z.number().finite().optional(),
    done: z.union([z.array(z.string().min(1)).max(100), z.boolean()]).optional(),
    confidence: z.number().min(0).max(10).optional(),
    note: z.string().max(5000).optional(),
    /** A date or date-time in the workspace timezone (default now). */
    at: z.string().optional(),
    /** The id of a check-in this one corrects. */
    corrects: z.string().min(1).optional(),
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict();

/** Input of a batch: a person's whole check-in screen, written in one transaction. */
export const checkInBatchSchema = z
  .object({
    items: z
      .array(checkInSchema.omit({ idempotencyKey: true }))
      .min(1)
      .max(5000),
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict();

/** A check-in and the goal's rollup right after it. */
export interface CheckInResult {
  checkIn: Omit<CheckInRow, 'workspaceId' | 'done'> & { done: string[] | null };
  goal: {
    id: string;
    progress: number | null;
    score: number | null;
    latestValue: number | null;
    latestCheckinAt: number | null;
  };
}

type Item = z.infer<typeof checkInSchema>;

class AlreadyClaimed extends Error {}

/** Check-ins: single or batch, idempotent by key, never edited in place (corrections reference what they correct). */
export class CheckInService {
  constructor(readonly deps: ServiceDeps) {}

  /** Records one check-in; every rollup above the goal is current when this returns. */
  async checkIn(actor: Actor, input: unknown): Promise<CheckInResult> {
    const data = parseInput(checkInSchema, input);
    const [result] = await this.#run(actor, [data], data.idempotencyKey, '');
    return result!;
  }

  /** Records several check-ins in one transaction: all are written, or none. */
  async checkInBatch(actor: Actor, input: unknown): Promise<CheckInResult[]> {
    const data = parseInput(checkInBatchSchema, input);
    return this.#run(actor, data.items, data.idempotencyKey, 'items.');
  }

  async #run(
    actor: Actor,
    items: readonly Item[],
    key: string | undefined,
    prefix: string,
  ): Promise<CheckInResult[]> {
    if (key) {
      const stored = await this.#stored(actor, key);
      if (stored) return stored;
    }
    try {
      return await transact(this.deps, async (trx) => {
        const session = await openSession(this.deps, trx, actor);
        const rollups = new Rollups(session.repos, actor.workspaceId, session.settings, session.at);
        rollups.defer();
        const results: CheckInResult[] = [];
        for (const [index, item] of items.entries()) {
          results.push(await this.#apply(session, rollups, item, prefix ? `${prefix}${index}.` : ''));
        }
        await rollups.flush();
        if (key) {
          const isClaimed = await session.repos.idempotency.claim(
            actor.workspaceId,
            key,
            actor.personId,
            JSON.stringify(results),
            session.at,
          );
          if (!isClaimed) throw new AlreadyClaimed();
        }
        return results;
      });
    } catch (error) {
      if (!(error instanceof AlreadyClaimed) || !key) throw error;
      const stored = await this.#stored(actor, key);
      if (!stored) throw new AppError('conflict', 'idempotency key in use; retry');
      return stored;
    }
  }

  async #stored(actor: Actor, key: string): Promise<CheckInResult[] | undefined> {
    const repos = openRepos(this.deps);
    const found = await repos.idempotency.find(actor.workspaceId, key);
    if (!found) return undefined;
    if (found.personId !== actor.personId) {
      throw new AppError('conflict', 'this idempotency key was used by someone else', {
        field: 'idempotencyKey',
      });
    }
    return JSON.parse(found.response) as CheckInResult[];
  }

  async #apply(session: Session, rollups: Rollups, item: Item, path: string): Promise<CheckInResult> {
    const { repos, actor } = session;
    const goal =
      item.goalType === 'key_result'
        ? await getKeyResult(session, item.goalId).then(({ kr, objective }) => {
            authorize(session.scope, 'check_in', 'key_result', keyResultSubject(kr, objective));
            if (kr.progressSource === 'aligned')
              invalid(`${path}goalId`, 'an aligned KR is measured by what aligns to it; check in on those');
            return kr;
          })
        : await getSmartGoal(session, item.goalId).then((g) => {
            authorize(session.scope, 'check_in', 'smart_goal', smartGoalSubject(g));
            return g;
          });
    const measure = readMeasure(goal.measure);
    if (!measure)
      return invalid(`${path}goalId`, 'the goal is a draft with no measure yet; add a measure first');
    let value = item.value;
    let done: string[] | null = null;
    if (measure.type === 'milestones') {
      if (!Array.isArray(item.done))
        return invalid(`${path}done`, 'give the milestones done, as a list of names');
      const known = new Map(milestoneWeights(measure).map((m) => [m.name.toLowerCase(), m.name]));
      done = item.done.map(
        (name, i) =>
          known.get(name.toLowerCase()) ?? invalid(`${path}done.${i}`, `unknown milestone "${name}"`),
      );
      value = milestoneProgress(measure, done);
    } else if (measure.type === 'boolean') {
      const isDone =
        typeof item.done === 'boolean'
          ? item.done
          : value === undefined
            ? undefined
            : value === 1
              ? true
              : value === 0
                ? false
                : undefined;
      if (isDone === undefined) return invalid(`${path}done`, 'give done: true or false');
      value = isDone ? 1 : 0;
    } else if (value === undefined) return invalid(`${path}value`, 'a value is required');

    let corrected: CheckInRow | undefined;
    if (item.corrects) {
      corrected = await repos.checkIns.find(actor.workspaceId, item.corrects);
      if (!corrected || corrected.goalId !== goal.id)
        return invalid(`${path}corrects`, 'no such check-in on this goal');
    }
    let at = corrected?.at ?? session.at;
    if (item.at !== undefined) {
      at =
        parseMoment(item.at, session.settings.timeZone) ??
        invalid(`${path}at`, 'expected a date or date-time');
    }
    const seq =
      item.goalType === 'key_result'
        ? await repos.keyResults.nextCheckinSeq(goal.id)
        : await repos.smartGoals.nextCheckinSeq(goal.id);
    const row: CheckInRow = {
      id: session.deps.newId(),
      workspaceId: actor.workspaceId,
      goalType: item.goalType,
      goalId: goal.id,
      seq,
      at,
      value: value ?? null,
      done: done === null ? null : JSON.stringify(done),
      confidence: item.confidence ?? null,
      note: item.note ?? null,
      authorId: actor.personId,
      source: actor.source,
      correctsId: corrected?.id ?? null,
      createdAt: session.at,
    };
    await repos.checkIns.insert(row);
    if ('objectiveId' in goal) await rollups.keyResult(goal);
    else await rollups.smartGoal(goal);
    const after =
      item.goalType === 'key_result'
        ? await repos.keyResults.find(actor.workspaceId, goal.id)
        : await repos.smartGoals.find(actor.workspaceId, goal.id);
    const { workspaceId: _, done: doneJson, ...stored } = row;
    await recordEvents(session, [
      {
        entityType: item.goalType,
        entityId: goal.id,
        action: corrected ? 'check_in_corrected' : 'checked_in',
        after: { ...stored, done },
      },
    ]);
    return {
      checkIn: { ...stored, done: doneJson === null ? null : done },
      goal: {
        id: goal.id,
        progress: after?.progress ?? null,
        score: after?.score ?? null,
        latestValue: after?.latestValue ?? null,
        latestCheckinAt: after?.latestCheckinAt ?? null,
      },
    };
  }
}

function openRepos(deps: ServiceDeps) {
  return repositories(deps.db.kysely, deps.db.dialect);
}
