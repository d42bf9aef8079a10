import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { OutboundGuard, ResolvedAddress } from './guard';

/** A request to send. */
export interface OutboundRequest {
  headers: Record<string, string>;
  body: string;
  /** Longest time for the whole request: resolving, connecting, sending and the answer's status. */
  timeoutMs: number;
}

/** What came back: the status only (the answer's body is never read). */
export interface OutboundResponse {
  status: number;
}

/** A `lookup` for node:http that answers with addresses already checked, never asking DNS again. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      );
      return;
    }
    const family = options.family === 6 || options.family === 4 ? options.family : undefined;
    const chosen = addresses.find((a) => !family || a.family === family) ?? addresses[0]!;
    callback(null, chosen.address, chosen.family);
  };
}

/**
 * POSTs a body to a URL through the guard: the host is resolved and every address checked (the
 * guard throws `OutboundRefusedError` otherwise), and the connection goes to a checked address,
 * so DNS is asked once and a rebinding name cannot swap it. Redirects are not followed (a 3xx is
 * returned as it is); the answer's body is discarded unread. Rejects with an `AbortError` (or
 * `TimeoutError`) past `timeoutMs`, or with the socket's error (such as `ECONNREFUSED`).
 *
 * @example
 * const { status } = await postGuarded(guard, 'https://hooks.example.com/in', { headers, body, timeoutMs: 10_000 });
 */
export async function postGuarded(
  guard: OutboundGuard,
  url: string,
  request: OutboundRequest,
): Promise<OutboundResponse> {
  const target = new URL(url);
  const signal = AbortSignal.timeout(request.timeoutMs);
  const addresses = await guard.resolve(target, signal);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: pinnedLookup(addresses),
        signal,
        // One request per connection: a pooled socket must not outlive the address check.
        agent: false,
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0 });
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
