import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers a request: a status, a body, and optionally a delay or no answer. */
export interface ReceiverReply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Never answer (to test timeouts). */
  isHung?: boolean;
}

/**
 * A real webhook receiver for tests: an HTTP server on 127.0.0.1, a port the system picks. It
 * records every request and answers from a script (the next reply queued, else `fallback`).
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly replies: ReceiverReply[] = [];
  fallback: ReceiverReply = { status: 200, body: 'ok' };
  readonly #server: Server;
  #url = '';

  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.requests.push({
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const reply = this.replies.shift() ?? this.fallback;
        if (reply.isHung) return;
        setTimeout(() => {
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body ?? '');
        }, reply.delayMs ?? 0);
      });
    });
  }

  /** Starts listening; resolves with the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#url;
  }

  get url(): string {
    return this.#url;
  }

  /** The JSON bodies received, parsed. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  payloads(): any[] {
    return this.requests.map((r) => JSON.parse(r.body));
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/**
 * Verifies a request as the Standard Webhooks spec says, with node:crypto only (independent of the
 * `standardwebhooks` package the server signs with): HMAC-SHA256 over `id.timestamp.body` with the
 * base64 key after `whsec_`, compared in constant time with each `v1,` signature of the header.
 */
export function verifyStandardWebhook(secret: string, request: ReceivedRequest): boolean {
  const id = request.headers['webhook-id'];
  const timestamp = request.headers['webhook-timestamp'];
  const signatures = request.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
