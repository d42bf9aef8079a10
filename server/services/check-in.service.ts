import { CompiledQuery, type Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { milestoneProgress, milestoneWeights } from '../../core/measure';
import { parseMoment } from '../../core/time';
import type { Database, EventsTable } from '../db/schema';
import { authorize } from '../policies/authorize';
import type { CheckInRow } from '../repositories/check-in.repository';
import { repositories } from '../repositories/index';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { WorkspaceRow } from '../repositories/workspace.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { readMeasure } from './evaluation';
import { getKeyResult, getSmartGoal, keyResultSubject, smartGoalSubject } from './goal-access';
import { GroupCommit, type Outcome } from './group-commit';
import { pendingNotices } from './notices';
import { Rollups } from './rollup';
import { eventRows, openSession, type Session, writeEvents } from './session';
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

/**
 * The most check-ins one batch takes (a person's whole check-in screen). A batch is one
 * transaction holding the writer (and, on SQLite, the event loop) while it runs; a check-in on a
 * goal of its own costs about 1 ms on SQLite and 3 ms on PostgreSQL (the goal and its objective
 * are recomputed), so 100 items keep that to a fraction of a second. Send more as several batches.
 */
export const BATCH_LIMIT = 100;

/** Input of a batch: a person's whole check-in screen, written in one transaction. */
export const checkInBatchSchema = z
  .object({
    items: z
      .array(checkInSchema.omit({ idempotencyKey: true }))
      .min(1)
      .max(BATCH_LIMIT),
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

/** One caller's check-ins, waiting to be written with others (group commit). */
interface Job {
  actor: Actor;
  items: readonly Item[];
  key: string | undefined;
  prefix: string;
  /** The actor's scope and settings, read before the group on PostgreSQL (see `#run`). */
  loaded?: Pick<Session, 'scope' | 'settings'>;
}

class AlreadyClaimed extends Error {}

/** A goal a job checked in on, recomputed once at the end of the job. */
interface Touched {
  goal: KeyResultRow | SmartGoalRow;
  objective: ObjectiveRow | undefined;
}

/**
 * Check-ins: single or batch, idempotent by key, never edited in place (corrections reference
 * what they correct). Concurrent calls are written together (`GroupCommit`): each call's
 * check-ins are all written or none, inside a savepoint of the group's transaction, and every
 * rollup above them is current for any read after the call returns (the goal and its objective
 * are written by the group; the aligned KRs above go to the rollup backlog, which reads settle).
 */
export class CheckInService {
  readonly #writer: GroupCommit<Job, CheckInResult[]>;

  constructor(readonly deps: ServiceDeps) {
    // One group at a time: on PostgreSQL, parallel groups met on the company's rows and were no
    // faster (docs/PERFORMANCE.md).
    this.#writer = new GroupCommit((jobs) => this.#writeGroup(jobs));
  }

  /**
   * Records one check-in. The goal and its objective are stored when this returns; every rollup
   * above is current for any read after it (the backlog is settled first: `rollup-backlog.ts`).
   */
  async checkIn(actor: Actor, input: z.input<typeof checkInSchema>): Promise<CheckInResult> {
    const data = parseInput(checkInSchema, input);
    const [result] = await this.#run({ actor, items: [data], key: data.idempotencyKey, prefix: '' });
    return result!;
  }

  /** Records several check-ins in one transaction: all are written, or none. */
  async checkInBatch(actor: Actor, input: z.input<typeof checkInBatchSchema>): Promise<CheckInResult[]> {
    const data = parseInput(checkInBatchSchema, input);
    return this.#run({ actor, items: data.items, key: data.idempotencyKey, prefix: 'items.' });
  }

  async #run(job: Job): Promise<CheckInResult[]> {
    if (job.key) {
      const stored = await this.#stored(job.actor, job.key);
      if (stored) return stored;
    }
    if (this.deps.db.dialect === 'postgres') {
      // Read the actor's scope and settings on a pooled connection while the current group is
      // being written, instead of round trips inside the group's transaction (where they queue
      // behind every other job). As for any request, they are those of the moment the call
      // arrived.
      const { scope, settings } = await openSession(this.deps, this.deps.db.kysely, job.actor, undefined, {
        isSettling: false,
      });
      job = { ...job, loaded: { scope, settings } };
    }
    return this.#writer.submit(job);
  }

  /** Writes a group of jobs in one transaction, each in its own savepoint. */
  async #writeGroup(jobs: readonly Job[]): Promise<Outcome<CheckInResult[]>[]> {
    const outcomes = await transact(this.deps, async (trx) => {
      const sessions = new Map<string, Session>();
      const rollups = new Map<string, Rollups>();
      // Each workspace's row (settings and directory stamp) is read once per group.
      const workspaces = new Map<string, WorkspaceRow | undefined>();
      const results: Outcome<CheckInResult[]>[] = [];
      const raised = new Set<string>();
      // The events of the jobs that succeeded, written per workspace once the jobs are done.
      const events = new Map<string, { session: Session; rows: EventsTable[] }>();
      for (const [index, job] of jobs.entries()) {
        if (!raised.has(job.actor.workspaceId)) {
          // Before any other row lock of the group, and outside the jobs' savepoints (see
          // `RollupBacklogRepository.raise`).
          await repositories(trx, this.deps.db.dialect).rollupBacklog.raise(job.actor.workspaceId);
          raised.add(job.actor.workspaceId);
        }
        // Plain compiled statements: building them through Kysely each time cost about 5% of a
        // check-in.
        const savepoint = `check_in_${index}`;
        await trx.executeQuery(CompiledQuery.raw(`savepoint ${savepoint}`));
        try {
          const { actor } = job;
          const sessionKey = `${actor.workspaceId}/${actor.personId}/${actor.source}/${actor.actorType}/${actor.tokenId ?? ''}`;
          const session =
            sessions.get(sessionKey) ??
            (job.loaded
              ? {
                  ...job.loaded,
                  repos: repositories(trx, this.deps.db.dialect),
                  actor,
                  at: this.deps.clock.now(),
                  deps: this.deps,
                  notices: pendingNotices(trx),
                }
              : await this.#openInGroup(trx, actor, workspaces));
          sessions.set(sessionKey, session);
          let rollup = rollups.get(actor.workspaceId);
          if (!rollup) {
            rollup = new Rollups(session.repos, actor.workspaceId, session.settings, session.at);
            rollup.defer();
            rollups.set(actor.workspaceId, rollup);
          }
          const written: CheckInResult[] = [];
          const jobEvents: EventsTable[] = [];
          // Each goal of the job is recomputed once, after its last check-in: recomputing it
          // after every item read all its check-ins each time, and a 5,000-item batch on one KR
          // took 52 s (quadratic). Every result of a goal carries the goal as the job left it.
          const goals = new Map<string, Touched>();
          for (const [i, item] of job.items.entries()) {
            const applied = await this.#apply(
              session,
              rollup,
              item,
              job.prefix ? `${job.prefix}${i}.` : '',
              goals,
            );
            written.push(applied.result);
            jobEvents.push(applied.event);
          }
          const after = new Map<string, CheckInResult['goal']>();
          for (const { goal, objective } of goals.values()) {
            const derived =
              'objectiveId' in goal ? await rollup.keyResult(goal, objective) : await rollup.smartGoal(goal);
            after.set(goal.id, {
              id: goal.id,
              progress: derived?.progress ?? null,
              score: derived?.score ?? null,
              latestValue: derived?.latestValue ?? null,
              latestCheckinAt: derived?.latestCheckinAt ?? null,
            });
          }
          for (const result of written) result.goal = after.get(result.goal.id) ?? result.goal;
          if (job.key) {
            const json = JSON.stringify(written);
            const isClaimed = await session.repos.idempotency.claim(
              actor.workspaceId,
              job.key,
              actor.personId,
              json,
              session.at,
            );
            if (!isClaimed) throw new AlreadyClaimed();
          }
          // The savepoint is left to the commit (releasing it was a round trip per job).
          results.push({ ok: true, value: written });
          const pending = events.get(actor.workspaceId);
          if (pending) pending.rows.push(...jobEvents);
          else events.set(actor.workspaceId, { session, rows: jobEvents });
        } catch (error) {
          await trx.executeQuery(CompiledQuery.raw(`rollback to savepoint ${savepoint}`));
          results.push({ ok: false, error });
        }
      }
      // Each goal and the objective right above it now; the aligned KRs above those go to the
      // rollup backlog, settled by the next read of the workspace or in the background.
      for (const rollup of rollups.values()) {
        const marks = await rollup.flush({ isShallow: true });
        await rollup.repos.rollupBacklog.mark(rollup.workspaceId, marks, this.deps.clock.now());
      }
      for (const { session, rows } of events.values()) await writeEvents(session, rows);
      return results;
    });
    return Promise.all(
      outcomes.map(async (outcome, i): Promise<Outcome<CheckInResult[]>> => {
        const job = jobs[i]!;
        if (outcome.ok || !(outcome.error instanceof AlreadyClaimed) || !job.key) return outcome;
        const stored = await this.#stored(job.actor, job.key);
        return stored
          ? { ok: true, value: stored }
          : { ok: false, error: new AppError('conflict', 'idempotency key in use; retry') };
      }),
    );
  }

  async #openInGroup(
    trx: Transaction<Database>,
    actor: Actor,
    workspaces: Map<string, WorkspaceRow | undefined>,
  ): Promise<Session> {
    if (!workspaces.has(actor.workspaceId)) {
      const repos = repositories(trx, this.deps.db.dialect);
      workspaces.set(actor.workspaceId, await repos.workspaces.find(actor.workspaceId));
    }
    const workspace = workspaces.get(actor.workspaceId);
    if (!workspace) throw new AppError('unauthenticated', 'unknown workspace');
    return openSession(this.deps, trx, actor, workspace, { isSettling: false });
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

  /**
   * Writes one check-in; returns the answer (its `goal` filled in by the caller, which recomputes
   * each goal once per job) and the event (written by the group). `touched` collects the goals
   * of the job, read and authorised once each.
   */
  async #apply(
    session: Session,
    rollups: Rollups,
    item: Item,
    path: string,
    touched: Map<string, Touched>,
  ): Promise<{ result: CheckInResult; event: EventsTable }> {
    const { repos, actor } = session;
    let goal: KeyResultRow | SmartGoalRow;
    let objective: ObjectiveRow | undefined;
    const goalKey = `${item.goalType}:${item.goalId}`;
    const known = touched.get(goalKey);
    if (known) {
      // Read and authorised for an earlier item of the same job.
      goal = known.goal;
      objective = known.objective;
    } else if (item.goalType === 'key_result') {
      const found = await getKeyResult(session, item.goalId);
      authorize(session.scope, 'check_in', 'key_result', keyResultSubject(found.kr, found.objective));
      if (found.kr.progressSource === 'aligned') {
        invalid(`${path}goalId`, 'an aligned KR is measured by what aligns to it; check in on those');
      }
      goal = found.kr;
      objective = found.objective;
    } else {
      goal = await getSmartGoal(session, item.goalId);
      authorize(session.scope, 'check_in', 'smart_goal', smartGoalSubject(goal));
    }
    touched.set(goalKey, { goal, objective });
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
    const { workspaceId: _, done: doneJson, ...stored } = row;
    const cycleId = 'cycleId' in goal ? goal.cycleId : objective?.cycleId;
    const [event] = eventRows(session, [
      {
        entityType: item.goalType,
        entityId: goal.id,
        action: corrected ? 'check_in_corrected' : 'checked_in',
        after: { ...stored, done },
        isAfterClose: cycleId !== undefined && (await rollups.cycle(cycleId)).state === 'closed',
      },
    ]);
    return {
      result: {
        checkIn: { ...stored, done: doneJson === null ? null : done },
        goal: { id: goal.id, progress: null, score: null, latestValue: null, latestCheckinAt: null },
      },
      event: event!,
    };
  }
}

function openRepos(deps: ServiceDeps) {
  return repositories(deps.db.kysely, deps.db.dialect);
}
