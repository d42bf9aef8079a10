import type { Logger } from 'pino';
import pino from 'pino';
import { defineJob, type JobDefinition, PermanentJobError, RetryJobAt } from '../jobs/job';
import { JobRunner, scheduledInput } from '../jobs/runner';
import { repositories } from '../repositories/index';
import type { ServiceDeps } from '../services/context';
import { DELIVERY_JOB } from '../services/webhook-outbox';
import { afterAttempt } from './retry';
import { sendDelivery } from './send';

/** Options of the dispatcher; the defaults suit a server. */
export interface DispatcherOptions {
  /** How often its own runner looks for due deliveries (default 1 s; `start` and `drain` only). */
  pollMs?: number;
  /** Most deliveries its own runner sends at once (default 20). */
  batchSize?: number;
  /** Longest wait for a receiver's answer (default 10 s). */
  timeoutMs?: number;
  /** How long its own runner's claim holds a delivery job; longer than the timeout (default 60 s). */
  leaseMs?: number;
  /** How long finished deliveries stay in the delivery log (default 30 days). */
  retentionMs?: number;
  logger?: Logger;
}

const DAY_MS = 86_400_000;
/** How many rows one pruning statement deletes. */
const PRUNE_BATCH = 5000;

/**
 * Sends the webhook outbox as jobs: `webhooks.deliver` (one per delivery, queued with it in the
 * transaction of its event) POSTs the delivery with `sendDelivery` (signed as Standard Webhooks
 * describes, through the outbound guard, with a timeout and without following redirects), and records the result: delivered on a 2xx, otherwise
 * retried on the schedule of `retry.ts` until it fails. `webhooks.prune-log` (hourly) deletes
 * finished deliveries older than the retention. Both run in the server's job runner (`jobs()`);
 * `start`, `drain` and `stop` run them in a runner of their own, for tests and scripts. Time comes
 * from the injected clock (due times, the signature's timestamp), so tests move it.
 *
 * @example
 * const dispatcher = new WebhookDispatcher(serviceDeps(db));
 * await dispatcher.drain();
 */
export class WebhookDispatcher {
  readonly #deps: ServiceDeps;
  readonly #options: Required<Omit<DispatcherOptions, 'logger'>>;
  readonly #logger: Logger;
  readonly #runner: JobRunner;

  constructor(deps: ServiceDeps, options: DispatcherOptions = {}) {
    this.#deps = deps;
    this.#options = {
      pollMs: options.pollMs ?? 1000,
      batchSize: options.batchSize ?? 20,
      timeoutMs: options.timeoutMs ?? 10_000,
      leaseMs: options.leaseMs ?? 60_000,
      retentionMs: options.retentionMs ?? 30 * DAY_MS,
    };
    this.#logger = options.logger ?? pino({ level: 'silent' });
    this.#runner = new JobRunner(deps, this.jobs(), {
      pollMs: this.#options.pollMs,
      concurrency: this.#options.batchSize,
      leaseMs: this.#options.leaseMs,
      logger: this.#logger,
    });
  }

  /** The webhook jobs, for a job runner: sending one delivery, and pruning the delivery log hourly. */
  jobs(): JobDefinition[] {
    return [
      defineJob({ ...DELIVERY_JOB, handler: ({ deliveryId }) => this.deliver(deliveryId) }),
      defineJob({
        id: 'webhooks.prune-log',
        version: 1,
        input: scheduledInput,
        schedule: { cron: '0 * * * *', catchUp: 'latest' },
        handler: async () => {
          await this.prune();
        },
      }),
    ];
  }

  /** Starts its own runner of the webhook jobs; `onChange` as `JobRunner.start` takes it. */
  start(onChange?: (wake: () => void) => () => void): void {
    this.#runner.start(onChange);
  }

  /** Stops its own runner and waits for the attempts in flight (each bounded by the timeout). */
  stop(): Promise<void> {
    return this.#runner.stop();
  }

  /** Sends everything due until nothing is (for tests and scripts); the pruning slot too. */
  async drain(): Promise<void> {
    await this.#runner.drain();
  }

  /**
   * Deletes finished deliveries older than the retention from the delivery log, in batches;
   * returns how many.
   */
  async prune(): Promise<number> {
    const now = this.#deps.clock.now();
    const repos = repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    let pruned = 0;
    for (;;) {
      const deleted = await repos.webhookDeliveries.prune(now - this.#options.retentionMs, PRUNE_BATCH);
      pruned += deleted;
      if (deleted < PRUNE_BATCH) return pruned;
    }
  }

  /**
   * The handler of `webhooks.deliver`: one attempt of a delivery, if it is still pending (a
   * deleted webhook's or a disabled one's is done). Throws `RetryJobAt` with the next attempt's
   * time while the schedule lasts, and `PermanentJobError` once the delivery has failed.
   */
  async deliver(deliveryId: string): Promise<void> {
    const repos = repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    const delivery = await repos.webhookDeliveries.findById(deliveryId);
    if (delivery?.state !== 'pending') return;
    const [endpoint] = await repos.webhooks.endpoints([delivery.webhookId]);
    const at = this.#deps.clock.now();
    if (!endpoint?.isEnabled) {
      await repos.webhookDeliveries.record(delivery.id, delivery.attempts, {
        state: 'failed',
        attempts: delivery.attempts,
        nextAttemptAt: at,
        lastStatusCode: null,
        lastError: 'webhook disabled',
        lastAttemptAt: delivery.lastAttemptAt ?? at,
        deliveredAt: null,
      });
      return;
    }
    const outcome = await sendDelivery(this.#deps.outbound, endpoint, delivery, at, this.#options.timeoutMs);
    const result = afterAttempt(delivery.attempts + 1, outcome, this.#deps.clock.now());
    const isRecorded = await repos.webhookDeliveries.record(delivery.id, delivery.attempts, result);
    const log = {
      delivery: delivery.id,
      webhook: endpoint.id,
      attempts: result.attempts,
      state: result.state,
    };
    if (!isRecorded) {
      this.#logger.warn(log, 'webhook delivery changed while it was being sent; its result is not recorded');
      return;
    }
    if (result.state === 'failed') {
      this.#logger.warn({ ...log, error: result.lastError }, 'webhook failed');
      throw new PermanentJobError(result.lastError ?? 'webhook failed');
    }
    this.#logger.debug({ ...log, status: result.lastStatusCode }, 'webhook attempt');
    if (result.state === 'pending')
      throw new RetryJobAt(result.lastError ?? 'not delivered', result.nextAttemptAt);
  }
}
