import { type OutboundGuard, OutboundRefusedError } from '../outbound/guard';
import { postGuarded } from '../outbound/request';
import type { WebhookEndpoint } from '../repositories/webhook.repository';
import type { WebhookDeliveryRow } from '../repositories/webhook-delivery.repository';
import type { AttemptOutcome } from './retry';
import { signMessage } from './signature';

/** Longest error text kept per attempt. */
const MAX_ERROR = 300;

/**
 * Performs one HTTP delivery of a webhook message: signs it (Standard Webhooks, timestamp `at`),
 * and POSTs it through the outbound guard, which resolves the endpoint's host, refuses private,
 * loopback, link-local, metadata and other non-public addresses (unless the admin allows their
 * range) and connects to the address it checked; no redirects, `timeoutMs` for everything. The
 * outcome records the status and a short error that never echoes the receiver's answer.
 * Whatever queue drives deliveries calls this, so the guard applies to every send.
 *
 * @example
 * const outcome = await sendDelivery(guard, endpoint, delivery, clock.now(), 10_000);
 */
export async function sendDelivery(
  guard: OutboundGuard,
  endpoint: WebhookEndpoint,
  delivery: Pick<WebhookDeliveryRow, 'id' | 'payload'>,
  at: number,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const headers = {
    ...signMessage(endpoint.secret, delivery.id, at, delivery.payload),
    'content-type': 'application/json',
    'user-agent': 'Tandem-Webhooks/1',
  };
  try {
    const { status } = await postGuarded(guard, endpoint.url, { headers, body: delivery.payload, timeoutMs });
    if (status >= 200 && status < 300) return { isDelivered: true, statusCode: status, error: null };
    const error =
      status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`;
    return { isDelivered: false, statusCode: status, error };
  } catch (error) {
    return { isDelivered: false, statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}

/** A failure in a few words: never the URL (it may carry a token), the request or the answer. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof OutboundRefusedError) return clip(`refused: ${error.message}`);
  const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : '';
  // Error codes are words like ECONNREFUSED or ERR_TLS_CERT_ALTNAME_INVALID; anything else is dropped.
  return /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? `request failed: ${code}` : 'request failed';
}

const clip = (text: string) => {
  const clean = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return clean.length > MAX_ERROR ? `${clean.slice(0, MAX_ERROR - 1)}…` : clean;
};
