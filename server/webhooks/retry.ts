import type { AttemptResult } from '../repositories/webhook-delivery.repository';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long to wait after each failed attempt before the next: the schedule Standard Webhooks
 * suggests (immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Eight attempts over
 * about 27.6 hours; after the eighth failure the delivery is `failed`.
 */
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** The most automatic attempts of one delivery (a manual retry adds one more). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** What one attempt ended with: a 2xx, or a status code and/or error text. */
export interface AttemptOutcome {
  isDelivered: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * The delivery's state after its `attempts`-th attempt ended at `now`: delivered, pending again
 * after the scheduled delay, or failed once the schedule is used up.
 *
 * @example
 * afterAttempt(1, { isDelivered: false, statusCode: 500, error: 'HTTP 500' }, 0).nextAttemptAt // 5000
 */
export function afterAttempt(attempts: number, outcome: AttemptOutcome, now: number): AttemptResult {
  const recorded = {
    attempts,
    lastStatusCode: outcome.statusCode,
    lastError: outcome.error,
    lastAttemptAt: now,
  };
  if (outcome.isDelivered) return { ...recorded, state: 'delivered', nextAttemptAt: now, deliveredAt: now };
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined
    ? { ...recorded, state: 'failed', nextAttemptAt: now, deliveredAt: null }
    : { ...recorded, state: 'pending', nextAttemptAt: now + delay, deliveredAt: null };
}
