import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { repositories } from '../repositories/index';
import type { JobRow } from '../repositories/job.repository';
import { type ServiceDeps, transact } from '../services/context';
import {
  type BatchContext,
  type BatchItem,
  type JobContext,
  type JobDefinition,
  type NewJobOptions,
  newJob,
  PermanentJobError,
  RetryJobAt,
  retryPolicy,
} from './job';
import { assertSchedule, dueSlots, nextSlot, slotKey } from './schedule';

/** Options of a runner; the defaults suit a server. */
export interface RunnerOptions {
  /** This node's name in leases and run records (default host:pid:random). */
  node?: string;
  /** How often to look for due jobs and slots (default 1 s). */
  pollMs?: number;
  /** Most jobs running at once on this node (default 20). */
  concurrency?: number;
  /** Ids of the rows the runner writes (slots' jobs, runs); default random UUIDs, unique across nodes. */
  newId?: () => string;
  /** How long a claim holds a job; a job must finish within it (default 60 s). */
  leaseMs?: number;
  /** The pause after a write is announced before looking (coalesces bursts; default 50 ms). */
  wakeDelayMs?: number;
  logger?: Logger;
}

/** The input of every scheduled job: the slot (the instant the schedule named) it runs for. */
export const scheduledInput = z.object({ slot: z.number().int() });

class LeaseLost extends Error {}

/**
 * Runs background jobs from the queue in the database: queues one job per schedule slot (keyed, so
 * several nodes queue it once), claims due jobs with a lease, runs each with its validated input,
 * records every run's outcome, and retries failures with backoff until the definition's attempts
 * are used up. A job whose node died is taken over once its lease ends. Time comes from the
 * injected clock, so a test moves it through weeks of schedule without sleeping.
 *
 * @example
 * const runner = new JobRunner(serviceDeps(db), [pruneSessions]);
 * runner.start((wake) => bus.subscribe(wake));
 * await runner.stop();
 */
export class JobRunner {
  readonly node: string;
  readonly #deps: ServiceDeps;
  readonly #definitions: Map<string, JobDefinition>;
  readonly #options: Required<Omit<RunnerOptions, 'logger' | 'node' | 'newId'>>;
  readonly #logger: Logger;
  readonly #ids: Pick<ServiceDeps, 'clock' | 'newId'>;
  readonly #inFlight = new Set<Promise<void>>();
  /** Per batched definition, how many of its batches run now. */
  readonly #batchesInFlight = new Map<string, number>();
  #scheduledUpTo: number | undefined;
  /** Per scheduled definition, its next slot after the last look: nothing to queue before it. */
  readonly #nextSlots = new Map<string, number | undefined>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #soon: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;
  #pass: Promise<void> | undefined;
  #isAgain = false;
  #isStopped = false;
  /** How many times `stop()` was called: a drain begun before a stop ends at it. */
  #stops = 0;
  /** The drains running now, which `stop()` waits for. */
  readonly #drains = new Set<Promise<number>>();

  constructor(deps: ServiceDeps, definitions: readonly JobDefinition[], options: RunnerOptions = {}) {
    this.#deps = deps;
    this.#definitions = new Map();
    for (const definition of definitions) {
      if (this.#definitions.has(definition.id)) throw new Error(`job ${definition.id} is defined twice`);
      if (definition.schedule) assertSchedule(definition.id, definition.schedule);
      this.#definitions.set(definition.id, definition);
    }
    this.#options = {
      pollMs: options.pollMs ?? 1000,
      concurrency: options.concurrency ?? 20,
      leaseMs: options.leaseMs ?? 60_000,
      wakeDelayMs: options.wakeDelayMs ?? 50,
    };
    this.node = options.node ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.#logger = options.logger ?? pino({ level: 'silent' });
    this.#ids = { clock: deps.clock, newId: options.newId ?? randomUUID };
  }

  /**
   * Starts polling. `onChange`, when given, subscribes to committed writes (the event bus), so a
   * job queued by a write starts within `wakeDelayMs` rather than at the next poll.
   */
  start(onChange?: (wake: () => void) => () => void): void {
    this.#isStopped = false;
    this.#timer = setInterval(() => this.wake(), this.#options.pollMs);
    this.#timer.unref();
    this.#unsubscribe = onChange?.(() => this.#wakeSoon());
    this.wake();
  }

  /** Stops polling and waits for the jobs in flight (each bounded by its own work). */
  async stop(): Promise<void> {
    this.#isStopped = true;
    this.#stops++;
    clearInterval(this.#timer);
    clearTimeout(this.#soon);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    await this.#pass;
    await Promise.all(this.#drains);
    await Promise.all(this.#inFlight);
  }

  /** Looks for due slots and jobs now (or right after the current look). */
  wake(): void {
    if (this.#isStopped) return;
    if (this.#pass) {
      this.#isAgain = true;
      return;
    }
    this.#pass = this.#look().finally(() => {
      this.#pass = undefined;
      if (this.#isAgain) {
        this.#isAgain = false;
        this.wake();
      }
    });
  }

  #wakeSoon(): void {
    if (this.#soon || this.#isStopped) return;
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      this.wake();
    }, this.#options.wakeDelayMs);
    this.#soon.unref();
  }

  async #look(): Promise<void> {
    try {
      // A look once begun claims at least one round, so `start(); await stop()` does a look.
      await this.schedule();
      while ((await this.#claimAndStart()) > 0 && !this.#isStopped);
    } catch (error) {
      this.#logger.error(
        { err: error },
        'job runner: looking for work failed; trying again at the next poll',
      );
    }
  }

  /**
   * Queues the due slots of every scheduled definition: every slot since this runner's last look,
   * or the latest one on its first. Each slot's key is unique in the table, so however many nodes
   * do this, a slot is queued once. Returns how many this call queued.
   */
  async schedule(): Promise<number> {
    const now = this.#deps.clock.now();
    const rows = [];
    for (const definition of this.#definitions.values()) {
      if (!definition.schedule) continue;
      const next = this.#nextSlots.get(definition.id);
      if (this.#nextSlots.has(definition.id) && (next === undefined || now < next)) continue;
      this.#nextSlots.set(definition.id, nextSlot(definition.schedule, now));
      const slots = dueSlots(definition.schedule, now, this.#scheduledUpTo);
      for (const slot of definition.schedule.catchUp === 'latest' ? slots.slice(-1) : slots)
        rows.push(
          newJob(this.#ids, definition, { slot }, { key: slotKey(definition.id, slot), runAt: slot }),
        );
    }
    const repos = repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    let queued = 0;
    for (let i = 0; i < rows.length; i += 200) queued += await repos.jobs.insertMany(rows.slice(i, i + 200));
    this.#scheduledUpTo = now;
    return queued;
  }

  /** Queues one job of a definition this runner knows, outside any transaction; returns its id. */
  async enqueue<D extends JobDefinition>(
    definition: D,
    input: z.input<D['input']>,
    options?: NewJobOptions,
  ): Promise<string> {
    const row = newJob(this.#ids, definition, input, options);
    await repositories(this.#deps.db.kysely, this.#deps.db.dialect).jobs.insertMany([row]);
    return row.id;
  }

  /**
   * Queues due slots, then claims and runs due jobs until none is left (retries due later wait);
   * for tests and scripts. A `stop()` meanwhile ends it: it claims nothing more and returns once
   * the jobs it started are done (a drain begun after a stop runs as usual). Returns how many runs
   * it made.
   */
  drain(): Promise<number> {
    const drain = this.#drain(this.#stops).finally(() => this.#drains.delete(drain));
    this.#drains.add(drain);
    return drain;
  }

  async #drain(stops: number): Promise<number> {
    await this.schedule();
    let runs = 0;
    for (;;) {
      const started = this.#stops === stops ? await this.#claimAndStart() : 0;
      runs += started;
      await Promise.all(this.#inFlight);
      if (started === 0 && (this.#inFlight.size === 0 || this.#stops !== stops)) return runs;
    }
  }

  /**
   * Claims as many due jobs as there is room for and starts them; returns how many. A batched
   * definition's jobs are claimed first, up to its batch size a slot (while it has batches to
   * spare), then the others one a slot.
   */
  async #claimAndStart(): Promise<number> {
    let room = this.#options.concurrency - this.#inFlight.size;
    if (room <= 0) return 0;
    const now = this.#deps.clock.now();
    const claim = (names: string[], limit: number) =>
      transact(this.#deps, (trx) =>
        repositories(trx, this.#deps.db.dialect).jobs.claim(
          names,
          now,
          limit,
          this.node,
          now + this.#options.leaseMs,
          this.#ids.newId,
        ),
      );
    let started = 0;
    const singles: string[] = [];
    for (const definition of this.#definitions.values()) {
      const batch = definition.batch;
      if (!batch) {
        singles.push(definition.id);
        continue;
      }
      while (room > 0 && (this.#batchesInFlight.get(definition.id) ?? 0) < (batch.concurrency ?? 1)) {
        const claimed = await claim([definition.id], batch.size);
        if (claimed.length === 0) break;
        this.#batchesInFlight.set(definition.id, (this.#batchesInFlight.get(definition.id) ?? 0) + 1);
        this.#track(
          this.#runBatch(definition, claimed).finally(() =>
            this.#batchesInFlight.set(definition.id, this.#batchesInFlight.get(definition.id)! - 1),
          ),
        );
        room--;
        started += claimed.length;
      }
    }
    if (room <= 0 || singles.length === 0) return started;
    const claimed = await claim(singles, room);
    for (const job of claimed) this.#track(this.#run(job));
    return started + claimed.length;
  }

  #track(work: Promise<void>): void {
    const run = work.finally(() => {
      this.#inFlight.delete(run);
      if (!this.#isStopped && this.#timer) this.wake();
    });
    this.#inFlight.add(run);
  }

  /**
   * Runs a claimed batch through its definition's batch handler. The batch's jobs share one lease
   * (claimed together), renewed every third of it while the handler runs; every write that settles
   * a job (its success, its failure, a renewal) is fenced by that lease and made one at a time, so
   * a job another node took over is never settled here.
   */
  async #runBatch(definition: JobDefinition, claimed: readonly JobRow[]): Promise<void> {
    const batch = definition.batch!;
    const repos = () => repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    const byId = new Map(claimed.map((j) => [j.id, j]));
    const open = new Set(byId.keys());
    let lockedUntil = claimed[0]!.lockedUntil;
    let writes: Promise<unknown> = Promise.resolve();
    /** One settling write after another (each reads the lease the previous one left). */
    const serially = <T>(write: () => Promise<T>): Promise<T> => {
      const next = writes.then(write);
      writes = next.catch(() => {});
      return next;
    };
    const log = (job: JobRow) => ({ job: job.name, jobId: job.id, attempt: job.attempts });
    const fail: BatchContext['fail'] = (jobId, error, work) =>
      serially(async () => {
        const job = byId.get(jobId);
        if (!job || !open.has(jobId)) return;
        open.delete(jobId);
        const message = error instanceof Error ? error.message : String(error);
        const now = this.#deps.clock.now();
        const isFinal = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
        const finish = isFinal
          ? ({ outcome: 'failed', error: message } as const)
          : ({
              outcome: 'retry',
              error: message,
              runAt:
                error instanceof RetryJobAt
                  ? error.at
                  : now + retryPolicy(definition).backoffMs(job.attempts),
            } as const);
        const isRecorded = await transact(this.#deps, async (trx) => {
          const held = await repositories(trx, this.#deps.db.dialect).jobs.finish(
            { ...job, lockedUntil },
            this.node,
            now,
            finish,
            this.#ids.newId(),
          );
          if (held) await work?.(trx);
          return held;
        }).catch((e: unknown) => {
          this.#logger.error({ ...log(job), err: e }, 'job result could not be recorded');
          return true;
        });
        if (!isRecorded) this.#logger.warn(log(job), 'job lease lost before its result was recorded');
        else if (isFinal) this.#logger.warn({ ...log(job), error: message }, 'job failed');
        else this.#logger.info({ ...log(job), error: message, retryAt: finish.runAt }, 'job will be retried');
      });
    const complete: BatchContext['complete'] = (jobIds, work) =>
      serially(async () => {
        const jobs = jobIds.filter((id) => open.has(id)).map((id) => byId.get(id)!);
        for (const job of jobs) open.delete(job.id);
        if (jobs.length === 0) return new Set<string>();
        const runIds = new Map(jobs.map((j) => [j.id, this.#ids.newId()]));
        const held = await transact(this.#deps, async (trx) => {
          const ids = await repositories(trx, this.#deps.db.dialect).jobs.finishMany(
            jobs,
            this.node,
            lockedUntil,
            this.#deps.clock.now(),
            runIds,
          );
          if (ids.size > 0) await work?.(trx, ids);
          return ids;
        }).catch((error: unknown) => {
          // Nothing was written: the jobs stay open (the batch fails them, to be retried).
          for (const job of jobs) open.add(job.id);
          throw error;
        });
        for (const job of jobs)
          if (!held.has(job.id))
            this.#logger.warn(
              log(job),
              'job lease lost before its result was recorded; its effect was not written',
            );
        return held;
      });
    /** Extends the lease of the batch's open jobs; those another node took over are dropped. */
    const renew = () =>
      serially(async () => {
        if (open.size > 0) {
          const until = this.#deps.clock.now() + this.#options.leaseMs;
          const held = await repos().jobs.renew([...open], this.node, lockedUntil, until);
          for (const id of open)
            if (!held.has(id)) {
              open.delete(id);
              this.#logger.warn(log(byId.get(id)!), 'job lease lost while its batch ran');
            }
          lockedUntil = until;
        }
        return new Set(open) as ReadonlySet<string>;
      });
    const renewal = setInterval(
      () => {
        renew().catch((error: unknown) =>
          this.#logger.error({ err: error }, 'job runner: renewing a lease failed'),
        );
      },
      Math.max(1000, this.#options.leaseMs / 3),
    );
    renewal.unref();
    const items: BatchItem<unknown>[] = [];
    try {
      for (const job of claimed) {
        if (job.attempts > job.maxAttempts) {
          await fail(job.id, new PermanentJobError(`gave up after ${job.maxAttempts} attempts`));
          continue;
        }
        const input = definition.input.safeParse(JSON.parse(job.input));
        if (!input.success) {
          await fail(
            job.id,
            new PermanentJobError(`invalid input: ${z.prettifyError(input.error).replace(/\s+/g, ' ')}`),
          );
          continue;
        }
        items.push({
          input: input.data,
          job: { id: job.id, key: job.key, attempt: job.attempts, runAt: job.runAt },
        });
      }
      const context: BatchContext = {
        deps: this.#deps,
        logger: this.#logger.child({ job: definition.id, batch: claimed.length }),
        complete,
        fail,
        hold: renew,
      };
      let failure: unknown;
      if (items.length > 0)
        await batch.handler(items, context).catch((error: unknown) => {
          failure = error;
        });
      await writes;
      const rest = items.filter((item) => open.has(item.job.id)).map((item) => item.job.id);
      if (failure === undefined) await complete(rest);
      else for (const id of rest) await fail(id, failure);
    } catch (error) {
      this.#logger.error({ job: definition.id, err: error }, 'job runner: a batch could not be settled');
    } finally {
      clearInterval(renewal);
      await writes;
    }
  }

  async #run(job: JobRow): Promise<void> {
    const definition = this.#definitions.get(job.name)!;
    const runId = this.#ids.newId();
    const repos = () => repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    let isCompleted = false;
    const context: JobContext = {
      deps: this.#deps,
      logger: this.#logger.child({ job: job.name, jobId: job.id }),
      job: { id: job.id, key: job.key, attempt: job.attempts, runAt: job.runAt },
      complete: async (work) => {
        await transact(this.#deps, async (trx) => {
          const at = this.#deps.clock.now();
          const held = await repositories(trx, this.#deps.db.dialect).jobs.finish(
            job,
            this.node,
            at,
            { outcome: 'succeeded' },
            runId,
          );
          if (!held) throw new LeaseLost();
          await work(trx);
        });
        isCompleted = true;
      },
    };
    const log = { job: job.name, jobId: job.id, attempt: job.attempts };
    try {
      if (job.attempts > job.maxAttempts)
        throw new PermanentJobError(`gave up after ${job.maxAttempts} attempts`);
      const input = definition.input.safeParse(JSON.parse(job.input));
      if (!input.success)
        throw new PermanentJobError(`invalid input: ${z.prettifyError(input.error).replace(/\s+/g, ' ')}`);
      await definition.handler(input.data, context);
      if (
        !isCompleted &&
        !(await repos().jobs.finish(job, this.node, this.#deps.clock.now(), { outcome: 'succeeded' }, runId))
      )
        this.#logger.warn(log, 'job finished after its lease ended; another node may run it again');
      else this.#logger.debug(log, 'job succeeded');
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.#logger.warn(log, 'job lease lost before its result was recorded; its effect was rolled back');
        return;
      }
      if (isCompleted) {
        this.#logger.error({ ...log, err: error }, 'job failed after it completed; its result stands');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const now = this.#deps.clock.now();
      const isFinal = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      const finish = isFinal
        ? ({ outcome: 'failed', error: message } as const)
        : ({
            outcome: 'retry',
            error: message,
            runAt:
              error instanceof RetryJobAt ? error.at : now + retryPolicy(definition).backoffMs(job.attempts),
          } as const);
      const isRecorded = await repos()
        .jobs.finish(job, this.node, now, finish, runId)
        .catch((e: unknown) => {
          this.#logger.error({ ...log, err: e }, 'job result could not be recorded');
          return true;
        });
      if (!isRecorded) this.#logger.warn(log, 'job lease lost before its result was recorded');
      else if (isFinal) this.#logger.warn({ ...log, error: message }, 'job failed');
      else this.#logger.info({ ...log, error: message, retryAt: finish.runAt }, 'job will be retried');
    }
  }
}
