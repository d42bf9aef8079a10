import { CompiledQuery, type Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { appendedFacts } from '../../core/evaluate';
import { isMaintain, milestoneProgress, milestoneWeights } from '../../core/measure';
import { type Instant, parseMoment } from '../../core/time';
import type { Database, EventsTable } from '../db/schema';
import { authorize } from '../policies/authorize';
import type { CheckInRow } from '../repositories/check-in.repository';
import { repositories } from '../repositories/index';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { WorkspaceRow } from '../repositories/workspace.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import {
  type ExtendableFacts,
  effectiveCheckins,
  extendableFacts,
  readMeasure,
  smartGoalWindow,
  windowOfCycle,
} from './evaluation';
import { getKeyResult, getSmartGoal, keyResultSubject, smartGoalSubject } from './goal-access';
import { GroupCommit, type Outcome } from './group-commit';
import { pendingNotices } from './notices';
import { type Derived, Rollups } from './rollup';
import { isScopeRemembered } from './scope';
import { eventRows, openSession, type Session, writeEvents } from './session';
import { accept, invalid } from './validate';

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

/** The goals of a group's check-ins, read once for the whole group (`#writeTogether`). */
interface Lookup {
  keyResults: Map<string, KeyResultRow>;
  objectives: Map<string, ObjectiveRow>;
  smartGoals: Map<string, SmartGoalRow>;
}

/** A check-in read, authorised and validated, not yet written (`seq` 0 until then). */
interface Prepared {
  row: CheckInRow;
  done: string[] | null;
  isCorrection: boolean;
  isAfterClose: boolean;
}

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
    const data = accept(checkInSchema, input);
    const [result] = await this.#run({ actor, items: [data], key: data.idempotencyKey, prefix: '' });
    return result!;
  }

  /** Records several check-ins in one transaction: all are written, or none. */
  async checkInBatch(actor: Actor, input: z.input<typeof checkInBatchSchema>): Promise<CheckInResult[]> {
    const data = accept(checkInBatchSchema, input);
    return this.#run({ actor, items: data.items, key: data.idempotencyKey, prefix: 'items.' });
  }

  async #run(job: Job): Promise<CheckInResult[]> {
    if (job.key) {
      const stored = await this.#stored(job.actor, job.key);
      if (stored) return stored;
    }
    if (this.deps.db.dialect === 'postgres' && !isScopeRemembered(this.deps.db, job.actor)) {
      // An actor whose scope is not remembered: read it and the settings on a pooled connection
      // while the current group is being written, instead of round trips inside the group's
      // transaction (where they queue behind every other job). As for any request, they are
      // those of the moment the call arrived. Otherwise the group opens the session from the
      // workspace row it reads anyway (`#writeGroup`), with no read of its own.
      const { scope, settings } = await openSession(this.deps, this.deps.db.kysely, job.actor, undefined, {
        isSettling: false,
      });
      job = { ...job, loaded: { scope, settings } };
    }
    return this.#writer.submit(job);
  }

  /**
   * Writes a group of jobs in one transaction, on both databases: the whole group is written
   * together in a few statements (`#writeTogether`); should any of them fail, the group goes back
   * to a savepoint and is written job by job (`#writeEach`), so the failing job fails alone.
   */
  async #writeGroup(jobs: readonly Job[]): Promise<Outcome<CheckInResult[]>[]> {
    const outcomes = await transact(this.deps, async (trx) => {
      // Each workspace's row as the group's transaction sees it, read once per group.
      const workspaces = new Map<string, WorkspaceRow | undefined>();
      {
        const repos = repositories(trx, this.deps.db.dialect);
        // Before any other row lock of the group (see `RollupBacklogRepository.raise`), in one order.
        // The rows it gives (settings, directory stamp) open the jobs' sessions: no read of their own.
        for (const workspaceId of [...new Set(jobs.map((job) => job.actor.workspaceId))].sort())
          workspaces.set(workspaceId, await repos.rollupBacklog.raise(workspaceId));
        const notices = pendingNotices(trx);
        const noticesBefore = notices?.length ?? 0;
        await trx.executeQuery(CompiledQuery.raw('savepoint check_in_group'));
        try {
          return await this.#writeTogether(trx, jobs, workspaces);
        } catch {
          await trx.executeQuery(CompiledQuery.raw('rollback to savepoint check_in_group'));
          // Nothing of the attempt stays, its notices included; the error comes again to its job.
          if (notices) notices.length = noticesBefore;
        }
      }
      return this.#writeEach(trx, jobs, workspaces);
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

  /**
   * Writes a group in a few statements whatever its size, instead of about ten statements per
   * check-in (on SQLite each job's scope and settings are read here, once per actor; on
   * PostgreSQL they were read before the group, `#run`): the goals of every job read at once; each job read, authorised and
   * validated in memory (a job that fails here has written nothing and fails alone); then every
   * sequence number, every check-in, the goals' check-ins, their rollups, their objectives' and
   * the idempotency keys, each in one statement. Each job's answer carries its goals as that job
   * left them (the check-ins of later jobs of the group left out), as `#writeEach` answers.
   * Throws on any database error (the caller rolls the group back and writes it job by job).
   */
  async #writeTogether(
    trx: Transaction<Database>,
    jobs: readonly Job[],
    workspaces: Map<string, WorkspaceRow | undefined>,
  ): Promise<Outcome<CheckInResult[]>[]> {
    const repos = repositories(trx, this.deps.db.dialect);
    // One moment for the whole group: every caller's check-ins, events and rollups are as of it
    // (a session per caller opened at its own moment left a later caller's check-in out of the
    // rollup, evaluated as of the first caller's).
    const at = this.deps.clock.now();
    const lookups = new Map<string, Lookup>();
    for (const workspaceId of new Set(jobs.map((job) => job.actor.workspaceId))) {
      const items = jobs.filter((job) => job.actor.workspaceId === workspaceId).flatMap((job) => job.items);
      const ids = (type: Item['goalType']) => [
        ...new Set(items.filter((item) => item.goalType === type).map((item) => item.goalId)),
      ];
      const keyResults = await repos.keyResults.findMany(workspaceId, ids('key_result'));
      const objectives = await repos.objectives.findMany(workspaceId, [
        ...new Set(keyResults.map((kr) => kr.objectiveId)),
      ]);
      const smartGoals = await repos.smartGoals.findMany(workspaceId, ids('smart_goal'));
      lookups.set(workspaceId, {
        keyResults: new Map(keyResults.map((row) => [row.id, row])),
        objectives: new Map(objectives.map((row) => [row.id, row])),
        smartGoals: new Map(smartGoals.map((row) => [row.id, row])),
      });
    }
    const sessions = new Map<string, Session>();
    const rollups = new Map<string, Rollups>();
    const planned: (
      | {
          ok: true;
          job: Job;
          session: Session;
          rollup: Rollups;
          items: Prepared[];
          goals: Map<string, Touched>;
        }
      | { ok: false; error: unknown }
    )[] = [];
    for (const job of jobs) {
      const { actor } = job;
      const goals = new Map<string, Touched>();
      try {
        const session = await this.#sessionInGroup(trx, job, sessions, workspaces, at);
        let rollup = rollups.get(actor.workspaceId);
        if (!rollup) {
          rollup = new Rollups(repos, actor.workspaceId, session.settings, session.at);
          rollup.defer();
          rollups.set(actor.workspaceId, rollup);
        }
        const items: Prepared[] = [];
        for (const [i, item] of job.items.entries())
          items.push(
            await this.#prepare(
              session,
              rollup,
              item,
              job.prefix ? `${job.prefix}${i}.` : '',
              goals,
              lookups.get(actor.workspaceId),
            ),
          );
        planned.push({ ok: true, job, session, rollup, items, goals });
      } catch (error) {
        // Only the job's own mistakes (unknown goal, not allowed, bad value): it wrote nothing.
        if (!(error instanceof AppError)) throw error;
        planned.push({ ok: false, error });
      }
    }
    const written = planned.flatMap((p) => (p.ok ? p.items : []));
    // Each goal's check-in count with the group's (`countCheckins`), to tell whether its stored
    // facts cover every check-in before the group's.
    const counted = new Map<string, { total: number; added: number }>();
    // Sequence numbers: each goal counted once for all its new check-ins, in order of arrival.
    for (const type of ['key_result', 'smart_goal'] as const) {
      const ofType = written.filter((p) => p.row.goalType === type);
      const counts = new Map<string, number>();
      for (const p of ofType) counts.set(p.row.goalId, (counts.get(p.row.goalId) ?? 0) + 1);
      const totals =
        type === 'key_result'
          ? await repos.keyResults.countCheckins(counts)
          : await repos.smartGoals.countCheckins(counts);
      const next = new Map<string, number>();
      for (const [goalId, n] of counts) {
        const total = totals.get(goalId);
        if (total === undefined) throw new Error(`${type} ${goalId} missing`);
        counted.set(goalId, { total, added: n });
        next.set(goalId, total - n + 1);
      }
      for (const p of ofType) {
        p.row.seq = next.get(p.row.goalId)!;
        next.set(p.row.goalId, p.row.seq + 1);
      }
    }
    await repos.checkIns.insertMany(written.map((p) => p.row));
    // Goals whose stored facts the group's check-ins extend (`#extendedFacts`) need no history;
    // the others' check-ins are read whole.
    const extended = await this.#extendedFacts(planned, written, counted);
    const facts = await repos.checkIns.factsOfGoals(
      [...new Set(written.map((p) => p.row.goalId))].filter((id) => !extended.has(id)),
    );
    // Which job wrote each new check-in, to leave later jobs' check-ins out of a job's answer.
    const jobOf = new Map<string, number>();
    planned.forEach((p, index) => {
      if (p.ok) for (const item of p.items) jobOf.set(item.row.id, index);
    });
    const last = new Map<string, number>();
    for (const item of written) last.set(item.row.goalId, jobOf.get(item.row.id)!);
    const finalKeyResults = new Map<string, { id: string } & Derived>();
    const finalSmartGoals = new Map<string, { id: string } & Derived>();
    const smartOf = new Map<Rollups, string[]>();
    const outcomes: Outcome<CheckInResult[]>[] = [];
    const claims: {
      workspaceId: string;
      key: string;
      personId: string;
      response: string;
      createdAt: number;
    }[] = [];
    const events = new Map<string, { session: Session; rows: EventsTable[] }>();
    for (const [index, p] of planned.entries()) {
      if (!p.ok) {
        outcomes.push(p);
        continue;
      }
      const after = new Map<string, CheckInResult['goal']>();
      for (const { goal, objective } of p.goals.values()) {
        const isLast = last.get(goal.id) === index;
        const cycle = await p.rollup.cycle('objectiveId' in goal ? objective!.cycleId : goal.cycleId);
        const states = extended.get(goal.id);
        let derived: Derived | undefined;
        if (states) {
          // The facts as this job left them: after its last check-in on the goal.
          const state = states.findLast((s) => s.job <= index)!.state;
          derived =
            'objectiveId' in goal
              ? p.rollup.deriveKeyResultFrom(goal, objective!, cycle, state)
              : p.rollup.deriveSmartGoalFrom(goal, cycle, state);
          if (!derived) throw new Error(`facts of ${goal.id} end after the moment`);
        } else {
          const all = facts.get(goal.id) ?? [];
          const seen = isLast ? all : all.filter((f) => (jobOf.get(f.id) ?? -1) <= index);
          derived =
            'objectiveId' in goal
              ? p.rollup.deriveKeyResult(goal, objective!, cycle, seen)
              : p.rollup.deriveSmartGoal(goal, cycle, seen);
        }
        if (isLast && 'objectiveId' in goal) {
          finalKeyResults.set(goal.id, { id: goal.id, ...derived });
          await p.rollup.objective(goal.objectiveId);
        } else if (isLast) {
          finalSmartGoals.set(goal.id, { id: goal.id, ...derived });
          smartOf.set(p.rollup, [...(smartOf.get(p.rollup) ?? []), goal.id]);
        }
        after.set(goal.id, {
          id: goal.id,
          progress: derived.progress ?? null,
          score: derived.score ?? null,
          latestValue: derived.latestValue ?? null,
          latestCheckinAt: derived.latestCheckinAt ?? null,
        });
      }
      const answers = p.items.map((item) => this.#answer(p.session, item));
      for (const answer of answers)
        answer.result.goal = after.get(answer.result.goal.id) ?? answer.result.goal;
      const results = answers.map((a) => a.result);
      if (p.job.key)
        claims.push({
          workspaceId: p.job.actor.workspaceId,
          key: p.job.key,
          personId: p.job.actor.personId,
          response: JSON.stringify(results),
          createdAt: p.session.at,
        });
      outcomes.push({ ok: true, value: results });
      const pending = events.get(p.job.actor.workspaceId);
      const rows = answers.map((a) => a.event);
      if (pending) pending.rows.push(...rows);
      else events.set(p.job.actor.workspaceId, { session: p.session, rows });
    }
    await repos.keyResults.setRollups([...finalKeyResults.values()]);
    await repos.smartGoals.setRollups([...finalSmartGoals.values()]);
    // The aligned KRs the SMART goals count in (`Rollups.parentsOf`, for all of them at once).
    for (const [rollup, smart] of smartOf) {
      const links = await repos.alignments.parentsOf(smart);
      for (const id of smart) {
        const parents = links
          .filter((l) => l.childId === id && l.parentType === 'key_result')
          .map((l) => l.parentId);
        for (const parentId of [...new Set(parents)].sort()) await rollup.alignedKeyResult(parentId);
      }
    }
    if (claims.length > 0 && (await repos.idempotency.claimMany(claims)) < claims.length)
      throw new AlreadyClaimed();
    for (const rollup of rollups.values()) {
      const marks = await rollup.flush({ isShallow: true });
      await rollup.repos.rollupBacklog.mark(rollup.workspaceId, marks, this.deps.clock.now());
    }
    for (const { session, rows } of events.values()) await writeEvents(session, rows);
    return outcomes;
  }

  /**
   * The stored facts of each goal the group checked in on, extended by its new check-ins
   * (`appendedFacts`), by goal: after each new check-in, with the index of the job that wrote it.
   * Only where that gives the numbers a read of the whole history would: the goal's facts are
   * current (`extendableFacts`: its measure, window and check-in count before the group, which
   * `counted` confirms was not changed by another writer between the read and the count's row lock),
   * its measure is not `maintain`, and every new check-in sorts after all before it (no
   * correction, none dated before the latest, none after the group's moment). Others are absent.
   */
  async #extendedFacts(
    planned: readonly (
      | { ok: true; rollup: Rollups; items: Prepared[]; goals: Map<string, Touched> }
      | { ok: false }
    )[],
    written: readonly Prepared[],
    counted: ReadonlyMap<string, { total: number; added: number }>,
  ): Promise<Map<string, { job: number; state: ExtendableFacts }[]>> {
    const jobOf = new Map<Prepared, number>();
    const goals = new Map<string, { touched: Touched; rollup: Rollups }>();
    planned.forEach((p, index) => {
      if (!p.ok) return;
      for (const item of p.items) jobOf.set(item, index);
      for (const touched of p.goals.values())
        if (!goals.has(touched.goal.id)) goals.set(touched.goal.id, { touched, rollup: p.rollup });
    });
    const rowsOf = new Map<string, Prepared[]>();
    for (const item of written) {
      const list = rowsOf.get(item.row.goalId);
      if (list) list.push(item);
      else rowsOf.set(item.row.goalId, [item]);
    }
    const out = new Map<string, { job: number; state: ExtendableFacts }[]>();
    for (const [goalId, items] of rowsOf) {
      const known = goals.get(goalId);
      const count = counted.get(goalId);
      if (!known || !count) continue;
      const { goal, objective } = known.touched;
      const measure = readMeasure(goal.measure);
      if (!measure || isMaintain(measure)) continue;
      if (count.total - count.added !== goal.checkinCount) continue;
      const { timeZone } = known.rollup.settings;
      const window =
        'objectiveId' in goal
          ? windowOfCycle(await known.rollup.cycle(objective!.cycleId), timeZone)
          : smartGoalWindow(goal.startDate, goal.dueDate, timeZone);
      let state = extendableFacts(goal, window);
      if (!state) continue;
      const states: { job: number; state: ExtendableFacts }[] = [];
      for (const item of items) {
        const { row } = item;
        const lastAt = state.facts.lastAt;
        if (row.correctsId !== null || (lastAt !== null && row.at < lastAt) || row.at > known.rollup.at) {
          states.length = 0;
          break;
        }
        const [checkin] = effectiveCheckins([row], measure);
        state = {
          facts: appendedFacts(state.facts, state.previous, checkin!, measure, window),
          previous: state.facts.latestValue,
          rowCount: state.rowCount + 1,
        };
        states.push({ job: jobOf.get(item)!, state });
      }
      if (states.length > 0) out.set(goalId, states);
    }
    return out;
  }

  /** Writes a group of jobs one by one, each in its own savepoint. */
  async #writeEach(
    trx: Transaction<Database>,
    jobs: readonly Job[],
    workspaces: Map<string, WorkspaceRow | undefined>,
  ): Promise<Outcome<CheckInResult[]>[]> {
    {
      const sessions = new Map<string, Session>();
      const rollups = new Map<string, Rollups>();
      // One moment for the whole group, as in `#writeTogether`.
      const at = this.deps.clock.now();
      const results: Outcome<CheckInResult[]>[] = [];
      // The events of the jobs that succeeded, written per workspace once the jobs are done.
      const events = new Map<string, { session: Session; rows: EventsTable[] }>();
      // Every workspace's flag was raised by `#writeGroup`, before its savepoint and any other
      // row lock (the rollback to the savepoint kept it), and its row is in `workspaces`.
      for (const [index, job] of jobs.entries()) {
        // Plain compiled statements: building them through Kysely each time cost about 5% of a
        // check-in.
        const savepoint = `check_in_${index}`;
        await trx.executeQuery(CompiledQuery.raw(`savepoint ${savepoint}`));
        try {
          const { actor } = job;
          const session = await this.#sessionInGroup(trx, job, sessions, workspaces, at);
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
    }
  }

  /**
   * A job's session in its group: one per actor (by workspace, person, source, actor type and
   * token), from the scope and settings read before the group (PostgreSQL) or opened in it, each
   * workspace read once.
   */
  async #sessionInGroup(
    trx: Transaction<Database>,
    job: Job,
    sessions: Map<string, Session>,
    workspaces: Map<string, WorkspaceRow | undefined>,
    at: Instant,
  ): Promise<Session> {
    const { actor } = job;
    const key = `${actor.workspaceId}/${actor.personId}/${actor.source}/${actor.actorType}/${actor.tokenId ?? ''}`;
    let session = sessions.get(key);
    if (!session) {
      session = job.loaded
        ? {
            ...job.loaded,
            repos: repositories(trx, this.deps.db.dialect),
            actor,
            at,
            deps: this.deps,
            notices: pendingNotices(trx),
          }
        : { ...(await this.#openInGroup(trx, actor, workspaces)), at };
      sessions.set(key, session);
    }
    return session;
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
    return found.response as CheckInResult[];
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
    const prepared = await this.#prepare(session, rollups, item, path, touched);
    const { repos } = session;
    prepared.row.seq =
      item.goalType === 'key_result'
        ? await repos.keyResults.nextCheckinSeq(prepared.row.goalId)
        : await repos.smartGoals.nextCheckinSeq(prepared.row.goalId);
    await repos.checkIns.insert(prepared.row);
    return this.#answer(session, prepared);
  }

  /**
   * Reads, authorises and validates one check-in, and makes its row (its `seq` given when it is
   * written). Throws `AppError` for the caller's mistakes, before anything is written. The goals
   * come from `lookup` when given (read for the whole group), else from the database.
   */
  async #prepare(
    session: Session,
    rollups: Rollups,
    item: Item,
    path: string,
    touched: Map<string, Touched>,
    lookup?: Lookup,
  ): Promise<Prepared> {
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
      const kr = lookup?.keyResults.get(item.goalId);
      const ofKr = kr && lookup?.objectives.get(kr.objectiveId);
      const found = kr && ofKr ? { kr, objective: ofKr } : await getKeyResult(session, item.goalId);
      authorize(session.scope, 'check_in', 'key_result', keyResultSubject(found.kr, found.objective));
      if (found.kr.progressSource === 'aligned') {
        invalid(`${path}goalId`, 'an aligned KR is measured by what aligns to it; check in on those');
      }
      goal = found.kr;
      objective = found.objective;
      // Read in this transaction; its rollup at the end of the group need not read it again.
      rollups.knowObjective(found.objective);
    } else {
      goal = lookup?.smartGoals.get(item.goalId) ?? (await getSmartGoal(session, item.goalId));
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
    const row: CheckInRow = {
      id: session.deps.newId(),
      workspaceId: actor.workspaceId,
      goalType: item.goalType,
      goalId: goal.id,
      seq: 0,
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
    const cycleId = 'cycleId' in goal ? goal.cycleId : objective?.cycleId;
    const isAfterClose = cycleId !== undefined && (await rollups.cycle(cycleId)).state === 'closed';
    return { row, done, isCorrection: corrected !== undefined, isAfterClose };
  }

  /** The answer and the event of a check-in written (its row has its `seq`). */
  #answer(session: Session, prepared: Prepared): { result: CheckInResult; event: EventsTable } {
    const { row, done } = prepared;
    const { workspaceId: _, done: doneJson, ...stored } = row;
    const [event] = eventRows(session, [
      {
        entityType: row.goalType,
        entityId: row.goalId,
        action: prepared.isCorrection ? 'check_in_corrected' : 'checked_in',
        after: { ...stored, done },
        isAfterClose: prepared.isAfterClose,
      },
    ]);
    return {
      result: {
        checkIn: { ...stored, done: doneJson === null ? null : done },
        goal: { id: row.goalId, progress: null, score: null, latestValue: null, latestCheckinAt: null },
      },
      event: event!,
    };
  }
}

function openRepos(deps: ServiceDeps) {
  return repositories(deps.db.kysely, deps.db.dialect);
}
