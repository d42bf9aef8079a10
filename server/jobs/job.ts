import type { Insertable, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database, JobsTable } from '../db/schema';
import type { ServiceDeps } from '../services/context';

/** When a scheduled job is due: a cron expression (croner syntax), in a time zone (default UTC). */
export interface JobSchedule {
  cron: string;
  timeZone?: string;
  /**
   * Slots missed since the last look (a node asleep, a clock moved far ahead): `every` queues each
   * (default), `latest` only the newest, for jobs whose run does the work of all earlier ones (a sweep).
   */
  catchUp?: 'every' | 'latest';
}

/** How a failing job is retried. */
export interface RetryPolicy {
  /** Most runs of one job, the first included (default 5). */
  maxAttempts: number;
  /** The wait after the `attempt`-th run failed (default: 10 s, doubling, at most 1 h). */
  backoffMs: (attempt: number) => number;
}

/** What a handler is given besides its input. */
export interface JobContext {
  deps: ServiceDeps;
  logger: Logger;
  /** The job's row id, its key (a scheduled slot's, say), which run this is, and when it was due. */
  job: { id: string; key: string | null; attempt: number; runAt: number };
  /**
   * Runs `work` in one transaction that also marks the job succeeded, fenced by the lease: if this
   * node lost the lease (it stalled past it and another node took the job over), the transaction
   * rolls back and the job's effect is not written twice. Database effects written this way happen
   * exactly once; anything outside the database (an HTTP call) stays at least once.
   */
  complete(work: (trx: Transaction<Database>) => Promise<void>): Promise<void>;
}

/** One job of a batch, as a batch handler is given it: its validated input and its row's facts. */
export interface BatchItem<I> {
  input: I;
  job: { id: string; key: string | null; attempt: number; runAt: number };
}

/**
 * What a batch handler is given besides its items. Each job of the batch keeps its own outcome:
 * the handler settles jobs one by one or in groups (`complete`, `fail`) as their work is done;
 * jobs it leaves unsettled succeed when it returns, or fail (and are retried) if it throws.
 */
export interface BatchContext {
  deps: ServiceDeps;
  logger: Logger;
  /**
   * Marks these jobs succeeded in one transaction that also runs `work`, fenced by the batch's
   * lease: a job whose lease was lost (this node stalled past it and another took the job over) is
   * neither marked nor given to `work`, which receives the ids still held. Returns those ids.
   */
  complete(
    jobIds: readonly string[],
    work?: (trx: Transaction<Database>, held: ReadonlySet<string>) => Promise<void>,
  ): Promise<ReadonlySet<string>>;
  /**
   * Records that one job's run failed: retried after the definition's backoff (at `RetryJobAt`'s
   * instant), or failed for good after its last attempt or on a `PermanentJobError`; `work` runs in
   * the same transaction, fenced by the lease as `complete`'s is (not at all if it was lost).
   */
  fail(jobId: string, error: unknown, work?: (trx: Transaction<Database>) => Promise<void>): Promise<void>;
  /**
   * Renews the batch's lease now and returns the jobs still open and held: a handler that spent
   * long deciding calls it before an effect outside the database (a send), so that a job another
   * node took over meanwhile is not sent twice.
   */
  hold(): Promise<ReadonlySet<string>>;
}

/**
 * How a definition's jobs run many at once: the runner claims up to `size` due jobs of the kind in
 * one claim (one lease, renewed while the batch runs), runs them through `handler` in one slot of
 * its concurrency, and records each job's outcome on its own (attempts, backoff, runs).
 */
export interface JobBatch<I> {
  /** Most jobs claimed into one batch. */
  size: number;
  /** Most batches of this kind running at once on one node (default 1). */
  concurrency?: number;
  handler(items: readonly BatchItem<I>[], context: BatchContext): Promise<void>;
}

/**
 * A kind of background work: `id` names it in the queue (`webhooks.deliver`), `version` is stored
 * with each job (a handler can tell old input from new), `input` validates what is queued (when it
 * is queued, and again before it runs), `schedule` makes the scheduler queue one job per slot.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  version: number;
  input: S;
  schedule?: JobSchedule;
  retry?: Partial<RetryPolicy>;
  /** Runs one job (a runner uses `batch` instead when there is one; `handler` serves callers of one job). */
  handler(input: z.output<S>, context: JobContext): Promise<void>;
  /** Claimed and run in batches (see `JobBatch`). */
  batch?: JobBatch<z.output<S>>;
}

/**
 * Declares a job; the identity function that lets TypeScript infer the handler's input from the schema.
 *
 * @example
 * const prune = defineJob({
 *   id: 'sessions.prune', version: 1, input: z.object({}), schedule: { cron: '17 * * * *' },
 *   handler: async (_input, { deps }) => { ... },
 * });
 */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Thrown by a handler that wants its next run at a given instant (its own retry schedule). */
export class RetryJobAt extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'RetryJobAt';
  }
}

/** Thrown by a handler when running again cannot help: the job fails now, without more attempts. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

const DEFAULT_ATTEMPTS = 5;

/** A definition's retry policy with the defaults filled in. */
export function retryPolicy(definition: Pick<JobDefinition, 'retry'>): RetryPolicy {
  return {
    maxAttempts: definition.retry?.maxAttempts ?? DEFAULT_ATTEMPTS,
    backoffMs: definition.retry?.backoffMs ?? ((attempt) => Math.min(10_000 * 2 ** (attempt - 1), 3_600_000)),
  };
}

/** Options of one queued job. */
export interface NewJobOptions {
  /** Unique across the queue: a second job with the same key is not queued. */
  key?: string;
  /** Due from (default now). */
  runAt?: number;
}

/**
 * The row of a new job, its input validated by the definition's schema (a `ZodError` otherwise),
 * for `repos.jobs.insertMany` in the caller's transaction: the job is queued exactly when the
 * change that asks for it commits.
 */
export function newJob<S extends z.ZodType>(
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  definition: Pick<JobDefinition<S>, 'id' | 'version' | 'input' | 'retry'>,
  input: z.input<S>,
  options: NewJobOptions = {},
): Insertable<JobsTable> {
  const now = deps.clock.now();
  return {
    id: deps.newId(),
    name: definition.id,
    version: definition.version,
    key: options.key ?? null,
    input: JSON.stringify(definition.input.parse(input)),
    state: 'queued',
    runAt: options.runAt ?? now,
    attempts: 0,
    maxAttempts: retryPolicy(definition).maxAttempts,
    lockedUntil: 0,
    lockedBy: null,
    lastError: null,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  };
}
