import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database';
import type { JobRunsTable, JobsTable } from '../db/schema';

export type JobRow = Selectable<JobsTable>;

/** How a run ended, as the runner that holds the lease records it. */
export type JobFinish =
  | { outcome: 'succeeded' }
  | { outcome: 'retry'; runAt: number; error: string }
  | { outcome: 'failed'; error: string };

/** Longest error text kept per run. */
const MAX_ERROR = 500;
const clip = (text: string) => (text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text);

/**
 * Queries on `jobs` and `job_runs`: the background-work queue (`server/jobs/`). Claims take a lease;
 * on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so nodes polling at once take different jobs
 * instead of queueing on each other's row locks; on SQLite writes are serial anyway.
 */
export class JobRepository {
  constructor(
    readonly db: Executor,
    readonly hasRowLocks: boolean,
  ) {}

  /**
   * Queues jobs; a job whose `key` is already taken is skipped (the unique key is what makes a
   * scheduled slot or a fanned-out item run once across nodes). Returns how many were queued.
   */
  async insertMany(rows: readonly Insertable<JobsTable>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.db
      .insertInto('jobs')
      .values([...rows])
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }

  find(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByKey(key: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  }

  /**
   * Claims up to `limit` due jobs named in `names` whose lease has ended (queued ones, and running
   * ones whose node stopped renewing: a crash), for `node` until `leaseUntil`; each claim counts an
   * attempt. Must run in a transaction. A job taken over from a lost lease gets a `lost` run
   * recorded for the attempt that never finished. Returns the claimed jobs as they now are.
   */
  async claim(
    names: readonly string[],
    now: number,
    limit: number,
    node: string,
    leaseUntil: number,
    newId: () => string,
  ): Promise<JobRow[]> {
    if (names.length === 0) return [];
    let due = this.db
      .selectFrom('jobs')
      .select(['id', 'state', 'attempts', 'lockedBy', 'startedAt'])
      .where('state', 'in', ['queued', 'running'])
      .where('runAt', '<=', now)
      .where('lockedUntil', '<', now)
      .where('name', 'in', [...names])
      .orderBy('runAt')
      .limit(limit);
    if (this.hasRowLocks) due = due.forUpdate().skipLocked();
    const found = await due.execute();
    if (found.length === 0) return [];
    const lost = found.filter((j) => j.state === 'running');
    if (lost.length > 0)
      await this.db
        .insertInto('jobRuns')
        .values(
          lost.map((j) => ({
            id: newId(),
            jobId: j.id,
            attempt: j.attempts,
            node: j.lockedBy ?? 'unknown',
            outcome: 'lost' as const,
            error: 'the lease ended before the run finished (the node stopped or crashed)',
            startedAt: j.startedAt ?? now,
            finishedAt: now,
          })),
        )
        .execute();
    return this.db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: sql<number>`attempts + 1`,
        lockedUntil: leaseUntil,
        lockedBy: node,
        startedAt: now,
      })
      .where(
        'id',
        'in',
        found.map((j) => j.id),
      )
      .where('lockedUntil', '<', now)
      .returningAll()
      .execute();
  }

  /**
   * Records how a run ended and releases the lease, only if `node` still holds the lease it took
   * (`leaseUntil`); false when it was lost (and another node may already have run the job again).
   */
  async finish(job: JobRow, node: string, at: number, finish: JobFinish, runId: string): Promise<boolean> {
    const base = { lockedUntil: 0 };
    const set =
      finish.outcome === 'succeeded'
        ? { ...base, state: 'succeeded' as const, finishedAt: at, lastError: null }
        : finish.outcome === 'retry'
          ? { ...base, state: 'queued' as const, runAt: finish.runAt, lastError: clip(finish.error) }
          : { ...base, state: 'failed' as const, finishedAt: at, lastError: clip(finish.error) };
    const updated = await this.db
      .updateTable('jobs')
      .set(set)
      .where('id', '=', job.id)
      .where('lockedBy', '=', node)
      .where('lockedUntil', '=', job.lockedUntil)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return false;
    const run: Insertable<JobRunsTable> = {
      id: runId,
      jobId: job.id,
      attempt: job.attempts,
      node,
      outcome: finish.outcome,
      error: finish.outcome === 'succeeded' ? null : clip(finish.error),
      startedAt: job.startedAt ?? at,
      finishedAt: at,
    };
    await this.db.insertInto('jobRuns').values(run).execute();
    return true;
  }

  /**
   * Marks jobs of one batch succeeded, only those `node` still holds with the batch's lease
   * (`lockedUntil`), and records a run for each; returns the ids it marked (the others were lost).
   */
  async finishMany(
    jobs: readonly JobRow[],
    node: string,
    lockedUntil: number,
    at: number,
    runIds: ReadonlyMap<string, string>,
  ): Promise<Set<string>> {
    if (jobs.length === 0) return new Set();
    const held = await this.db
      .updateTable('jobs')
      .set({ state: 'succeeded', finishedAt: at, lastError: null, lockedUntil: 0 })
      .where(
        'id',
        'in',
        jobs.map((j) => j.id),
      )
      .where('lockedBy', '=', node)
      .where('lockedUntil', '=', lockedUntil)
      .returning('id')
      .execute();
    const ids = new Set(held.map((r) => r.id));
    const runs = jobs
      .filter((j) => ids.has(j.id))
      .map((j) => ({
        id: runIds.get(j.id)!,
        jobId: j.id,
        attempt: j.attempts,
        node,
        outcome: 'succeeded' as const,
        error: null,
        startedAt: j.startedAt ?? at,
        finishedAt: at,
      }));
    if (runs.length > 0) await this.db.insertInto('jobRuns').values(runs).execute();
    return ids;
  }

  /**
   * Extends the lease of running jobs `node` holds until `lockedUntil` to `until`; returns the ids
   * still held (a job missing from them was taken over by another node).
   */
  async renew(
    ids: readonly string[],
    node: string,
    lockedUntil: number,
    until: number,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const held = await this.db
      .updateTable('jobs')
      .set({ lockedUntil: until })
      .where('id', 'in', [...ids])
      .where('state', '=', 'running')
      .where('lockedBy', '=', node)
      .where('lockedUntil', '=', lockedUntil)
      .returning('id')
      .execute();
    return new Set(held.map((r) => r.id));
  }

  /** A job's runs, oldest first. */
  runs(jobId: string): Promise<Selectable<JobRunsTable>[]> {
    return this.db
      .selectFrom('jobRuns')
      .selectAll()
      .where('jobId', '=', jobId)
      .orderBy('attempt')
      .orderBy('finishedAt')
      .execute();
  }

  /** Deletes up to `limit` finished jobs (their runs go with them) that ended before `before`; returns how many. */
  async prune(before: number, limit: number): Promise<number> {
    const old = this.db
      .selectFrom('jobs')
      .select('id')
      .where('state', 'in', ['succeeded', 'failed'])
      .where('finishedAt', '<', before)
      .limit(limit);
    const deleted = await this.db.deleteFrom('jobs').where('id', 'in', old).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }
}
