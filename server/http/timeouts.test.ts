import net from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { type RunningServer, startServer } from './server';

/**
 * Slow clients are not held: a real socket that dribbles a request body (or its headers) is
 * answered 408 and closed once the request timeout passes, while a live stream, whose request
 * was received at once, keeps running past it.
 */
describe('HTTP server timeouts', () => {
  let server: RunningServer;
  let port: number;
  const TIMEOUT_MS = 1000;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: ':memory:',
      LOG_LEVEL: 'silent',
      TANDEM_WEBHOOKS: 'off',
      TANDEM_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    server = await startServer(config, { logger: pino({ level: 'silent' }) });
    port = server.port;
  });
  afterAll(() => server.close());

  /** Opens a socket, writes `head`, then one byte of `drip` every 100 ms; resolves with what came back and when. */
  const dribble = (head: string, drip: string) =>
    new Promise<{ answer: string; afterMs: number }>((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < drip.length && !socket.destroyed) socket.write(drip[sent++]!);
      }, 100);
      socket.on('connect', () => socket.write(head));
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, afterMs: Date.now() - started });
      });
      setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error(`still open after 8 s; got ${JSON.stringify(answer)}`));
      }, 8000);
    });

  it('answers a body sent a byte at a time with a 408 and closes, within a few seconds', async () => {
    const body = JSON.stringify({ email: 'slow@acme.test', password: 'x'.repeat(200) });
    const head =
      'POST /api/v1/auth/signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${body.length}\r\n\r\n`;
    const { answer, afterMs } = await dribble(head, body);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // The same error envelope as every other answer, not Node's bare status line.
    const envelope = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      error: { code: string; message: string; requestId: string };
    };
    expect(envelope.error.code).toBe('validation');
    expect(envelope.error.message).toMatch(/did not arrive in time/);
    expect(envelope.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(afterMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(afterMs).toBeLessThan(TIMEOUT_MS + 2500);
  });

  it('answers headers sent a byte at a time with a 408 too', async () => {
    const { answer, afterMs } = await dribble(
      'GET /api/health HTTP/1.1\r\n',
      `X-Slow: ${'a'.repeat(100)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(TIMEOUT_MS + 2500);
  });

  it('keeps a live stream open past the request timeout, and it still delivers', async () => {
    const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'ada@acme.test',
        password: 'a long enough password',
        name: 'Ada',
        workspaceName: 'Acme',
      }),
    });
    expect(signup.status).toBe(201);
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signup.json()) as { csrfToken: string };
    const stream = await fetch(`${server.url}/api/v1/stream`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`the stream ended; got ${text}`);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/event: ready/);
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2.5));
    const unit = await fetch(`${server.url}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Acme' }),
    });
    expect(unit.status).toBe(201);
    await readUntil(/event: change/);
    await reader.cancel();
  });
});
