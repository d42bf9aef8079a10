import { request } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { type RunningServer, startServer } from './server';

/** The body limit over real sockets: by `Content-Length`, and counted for a chunked body. */
let server: RunningServer;
beforeAll(async () => {
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: ':memory:',
    LOG_LEVEL: 'silent',
    TANDEM_BODY_LIMIT: '2048',
  });
  server = await startServer(config, { logger: pino({ level: 'silent' }) });
});
afterAll(() => server.close());

/** POSTs `body` to sign-in, with a `Content-Length` or chunked; returns the status and error code. */
function post(body: string, isChunked: boolean): Promise<{ status: number; code: string | undefined }> {
  const url = new URL('/api/v1/auth/signin', server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(isChunked ? {} : { 'content-length': Buffer.byteLength(body) }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          code: (JSON.parse(text) as { error?: { code: string } }).error?.code,
        }),
      );
    });
    req.on('error', reject);
    if (isChunked) {
      // Two chunks, so that only counting while reading can tell the size.
      req.write(body.slice(0, 1000));
      req.end(body.slice(1000));
    } else req.end(body);
  });
}

const small = JSON.stringify({ email: 'a@b.test', password: 'wrong-password' });
const large = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(5000) });

it.each([false, true])(
  'refuses a body over the limit with 413, and reads one under it (chunked: %s)',
  async (isChunked) => {
    expect(await post(large, isChunked)).toEqual({ status: 413, code: 'validation' });
    // Under the limit the request goes on, to a sign-in that fails on its merits.
    expect(await post(small, isChunked)).toEqual({ status: 401, code: 'unauthenticated' });
  },
);

it('takes a DELETE with no body and no Content-Type as a request without a body (as browsers send it)', async () => {
  const url = new URL('/api/v1/tokens/nothing-here', server.url);
  const status = await new Promise<number>((resolve, reject) => {
    // No Content-Length, no Transfer-Encoding, no Content-Type: what a browser's fetch DELETE sends.
    const req = request(url, { method: 'DELETE' });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
  // Not a 415 for a body that is not there: the request reaches authentication.
  expect(status).toBe(401);
});
