import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { describeEachDialect, freshDatabase, PG_URL, type TestDatabase } from '../test/databases';
import { verifyStandardWebhook, WebhookReceiver } from '../test/webhook-receiver';
import { type RunningServer, startServer } from './server';

/**
 * `tandem serve` sends webhooks by itself: a write over real HTTP reaches a real receiver, signed,
 * soon after it commits (the dispatcher wakes on the event bus), and stopping the server stops it.
 */
describeEachDialect('serve sends webhooks', (dialect) => {
  let test: TestDatabase | undefined;
  let server: RunningServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    test = dialect === 'postgres' && PG_URL ? await freshDatabase('postgres') : undefined;
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: test?.location ?? ':memory:',
      LOG_LEVEL: 'silent',
      TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8',
    });
    server = await startServer(config, { logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await server.close();
    await receiver.stop();
    await test?.dispose();
  });

  it('delivers a created cycle to a webhook registered over the API', async () => {
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
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
    const token = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'test' }),
    });
    const bearer = ((await token.json()) as { token: string }).token;

    const hook = await call('POST', '/api/v1/webhooks', { url: `${receiver.url}/serve` }, bearer);
    expect(hook.status).toBe(201);
    expect((await call('POST', '/api/v1/cycles', { name: '2026-Q4' }, bearer)).status).toBe(201);
    const until = Date.now() + 5000;
    while (receiver.requests.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]!.body).type).toBe('cycle.created');
    expect(verifyStandardWebhook((hook.body as { secret: string }).secret, receiver.requests[0]!)).toBe(true);
  });
});
