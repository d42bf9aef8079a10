import type { Logger } from 'pino';
import pino from 'pino';
import type { WebhookDeliveryRow } from '../repositories/webhook-delivery.repository';
import type { WebhookEndpoint } from '../repositories/webhook.repository';
import { type Repositories, repositories } from '../repositories/index';
import type { ServiceDeps } from '../services/context';
import { afterAttempt } from './retry';
import { sendDelivery } from './send';

/** Options of the dispatcher; the defaults suit a server. */
export interface DispatcherOptions {
  /** How often to look for due deliveries (default 1 s). */
  pollMs?: number;
  /** Most deliveries claimed and sent at once (default 20). */
  batchSize?: number;
  /** Longest wait for a receiver's answer (default 10 s). */
  timeoutMs?: number;
  /** How long a claimed delivery stays ours; longer than the timeout (default 60 s). */
  leaseMs?: number;
  /** How long finished deliveries stay in the delivery log (default 30 days). */
  retentionMs?: number;
  logger?: Logger;
}

const DAY_MS = 86_400_000;
/** How often the delivery log is pruned, and how many rows one statement deletes. */
const PRUNE_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 5000;

/**
 * Sends the webhook outbox: polls due deliveries, claims a batch with a lease (so nodes sharing a
 * PostgreSQL never send one twice at once), sends each one with `sendDelivery` (signed as Standard
 * Webhooks describes, through the outbound guard, with a timeout and without following redirects), and records the result: delivered on a 2xx,
 * otherwise retried on the schedule of `retry.ts` until it fails. Time comes from the injected
 * clock (due times, leases, the signature's timestamp), so tests move it instead of sleeping.
 *
 * @example
 * const dispatcher = new WebhookDispatcher(serviceDeps(db));
 * dispatcher.start((wake) => bus.subscribe(wake));
 * await dispatcher.stop();
 */
export class WebhookDispatcher {
  readonly #deps: ServiceDeps;
  readonly #options: Required<Omit<DispatcherOptions, 'logger'>>;
  readonly #logger: Logger;
  #timer: ReturnType<typeof setInterval> | undefined;
  #soon: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;
  #running: Promise<void> | undefined;
  #isAgain = false;
  #isStopped = false;
  #prunedAt = Number.NEGATIVE_INFINITY;

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
  }

  /**
   * Starts polling. `onChange`, when given, subscribes to committed writes (the event bus) so a
   * new delivery goes out at once rather than at the next poll; bursts are coalesced.
   */
  start(onChange?: (wake: () => void) => () => void): void {
    this.#timer = setInterval(() => this.wake(), this.#options.pollMs);
    this.#timer.unref();
    this.#unsubscribe = onChange?.(() => this.#wakeSoon());
    this.wake();
  }

  /** Stops polling and waits for the attempts in flight (each bounded by the timeout). */
  async stop(): Promise<void> {
    this.#isStopped = true;
    clearInterval(this.#timer);
    clearTimeout(this.#soon);
    this.#unsubscribe?.();
    await this.#running;
  }

  /** Looks for due deliveries now (or right after the current look). */
  wake(): void {
    if (this.#isStopped) return;
    if (this.#running) {
      this.#isAgain = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
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
    }, 50);
    this.#soon.unref();
  }

  async #drain(): Promise<void> {
    try {
      if (this.#deps.clock.now() - this.#prunedAt >= PRUNE_EVERY_MS) await this.prune();
      while (!this.#isStopped && (await this.runOnce()) >= this.#options.batchSize);
    } catch (error) {
      this.#logger.error({ err: error }, 'webhook dispatch failed; trying again at the next poll');
    }
  }

  /**
   * Deletes finished deliveries older than the retention from the delivery log, in batches;
   * returns how many. Runs on its own at most once an hour.
   */
  async prune(): Promise<number> {
    const now = this.#deps.clock.now();
    this.#prunedAt = now;
    const repos = repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    let pruned = 0;
    for (;;) {
      const deleted = await repos.webhookDeliveries.prune(now - this.#options.retentionMs, PRUNE_BATCH);
      pruned += deleted;
      if (deleted < PRUNE_BATCH || this.#isStopped) return pruned;
    }
  }

  /** Claims and sends everything due until nothing is (for tests and scripts). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  /**
   * Claims one batch of due deliveries, sends them concurrently and records each result. Returns
   * how many were due (some may have been claimed by another node first).
   */
  async runOnce(): Promise<number> {
    const repos = repositories(this.#deps.db.kysely, this.#deps.db.dialect);
    const now = this.#deps.clock.now();
    const ids = await repos.webhookDeliveries.dueIds(now, this.#options.batchSize);
    if (ids.length === 0) return 0;
    const lease = now + this.#options.leaseMs;
    const claimed = await repos.webhookDeliveries.claim(ids, now, lease);
    const endpoints = await repos.webhooks.endpoints([...new Set(claimed.map((d) => d.webhookId))]);
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    await Promise.all(claimed.map((d) => this.#attempt(repos, d, byId.get(d.webhookId), lease)));
    return ids.length;
  }

  async #attempt(
    repos: Repositories,
    delivery: WebhookDeliveryRow,
    endpoint: WebhookEndpoint | undefined,
    lease: number,
  ): Promise<void> {
    const at = this.#deps.clock.now();
    if (endpoint?.isEnabled !== 1) {
      await repos.webhookDeliveries.finish(delivery.id, lease, {
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
    const isRecorded = await repos.webhookDeliveries.finish(delivery.id, lease, result);
    const log = {
      delivery: delivery.id,
      webhook: endpoint.id,
      attempts: result.attempts,
      state: result.state,
    };
    if (!isRecorded) this.#logger.warn(log, 'webhook delivery lease lost before its result was recorded');
    else if (result.state === 'failed')
      this.#logger.warn({ ...log, error: result.lastError }, 'webhook failed');
    else this.#logger.debug({ ...log, status: result.lastStatusCode }, 'webhook attempt');
  }
}
