import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Credentials, type TestApi, testApi } from '../app/test-client';
import { OutboundGuard } from '../outbound/guard';
import { serviceDeps } from '../services/context';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { sequentialIds } from '../test/scenario';
import { WebhookReceiver } from '../test/webhook-receiver';
import { WebhookDispatcher } from './dispatcher';

/**
 * Webhook targets inside the network are refused (SSRF): at creation and update, naming the
 * field, and again at send time after DNS, so a name re-pointed inside is caught. Without
 * `TANDEM_OUTBOUND_ALLOW` nothing but public addresses is reachable; a real receiver on loopback
 * proves that nothing was sent.
 */
describeEachDialect('webhook targets are guarded', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;
  let receiver: WebhookReceiver;
  let port: string;

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    receiver = new WebhookReceiver();
    port = new URL(await receiver.start()).port;
  });
  afterEach(async () => {
    for (const hook of await api.deps.services.webhooks.list(org.admin))
      await api.deps.services.webhooks.remove(org.admin, hook.id);
  });
  afterAll(async () => {
    await receiver.stop();
    await api.dispose();
  });

  const refused = [
    'http://127.0.0.1/',
    'http://[::1]/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://127.1/',
    'http://0177.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.1/',
    'http://192.168.1.10:8080/',
    'http://172.16.5.4/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://[::]/',
    'http://224.0.0.1/',
    'http://[64:ff9b::7f00:1]/',
    'http://[::7f00:1]/',
    'http://localhost/',
    'http://LOCALHOST./',
  ];

  it.each(refused)('refuses %s at creation and at update with a 400 naming url', async (url) => {
    const created = await api.call('POST', '/api/v1/webhooks', { as: admin, body: { url } });
    expect(created.status).toBe(400);
    expect(created.body.error.details.issues).toEqual([
      { path: 'url', message: expect.stringMatching(/^not allowed: .*TANDEM_OUTBOUND_ALLOW/) },
    ]);
    const hook = await api.call('POST', '/api/v1/webhooks', {
      as: admin,
      body: { url: 'https://hooks.example.com/in' },
    });
    expect(hook.status).toBe(201);
    const updated = await api.call('PATCH', `/api/v1/webhooks/${hook.body.id}`, {
      as: admin,
      body: { version: 1, url },
    });
    expect(updated.status).toBe(400);
    expect(updated.body.error.details.issues[0].path).toBe('url');
    expect((await api.call('GET', `/api/v1/webhooks/${hook.body.id}`, { as: admin })).body.url).toBe(
      'https://hooks.example.com/in',
    );
  });

  it('refuses at send time a target stored before (or re-pointed since), and sends nothing', async () => {
    // A name that did not resolve when it was registered now resolves to loopback.
    const hook = await api.call('POST', '/api/v1/webhooks', {
      as: admin,
      body: { url: `http://later.tandem.test:${port}/in` },
    });
    expect(hook.status).toBe(201);
    // And one stored before the guard existed.
    await api.test.db.kysely
      .insertInto('webhooks')
      .values({
        id: 'legacy-hook',
        workspaceId: org.workspaceId,
        url: `http://127.0.0.1:${port}/legacy`,
        description: '',
        events: '["*"]',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        isEnabled: 1,
        createdBy: org.admin.personId,
        createdAt: api.clock.now(),
        updatedAt: api.clock.now(),
        version: 1,
      })
      .execute();
    const guard = new OutboundGuard({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const dispatcher = new WebhookDispatcher(serviceDeps(api.test.db, api.clock, sequentialIds('d'), guard));
    const res = await api.call('POST', '/api/v1/check-ins', {
      as: await api.tokenFor(org.member),
      body: { goalType: 'key_result', goalId: org.krId, value: 30 },
    });
    expect(res.status).toBe(201);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(0);
    const log = async (id: string) =>
      (await api.call('GET', `/api/v1/webhooks/${id}/deliveries`, { as: admin })).body.items[0];
    expect(await log(hook.body.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: expect.stringMatching(
        /^refused: later\.tandem\.test resolves to 127\.0\.0\.1, a loopback address/,
      ),
    });
    expect(await log('legacy-hook')).toMatchObject({
      lastStatusCode: null,
      lastError: expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback address/),
    });
  });

  it('records only the status of an allowed internal answer, never its body', async () => {
    const allowing = await testApi(dialect, { outboundAllow: '127.0.0.0/8' });
    try {
      const o = await smallOrg(allowing.deps.services);
      const token = await allowing.tokenFor(o.admin);
      const hook = await allowing.call('POST', '/api/v1/webhooks', {
        as: token,
        body: { url: `http://127.0.0.1:${port}/internal` },
      });
      expect(hook.status).toBe(201);
      receiver.replies.push({ status: 403, body: '{"AccessKeyId":"AKIASECRET","Token":"internal-only"}' });
      await allowing.deps.services.webhooks.test(o.admin, hook.body.id);
      await new WebhookDispatcher(allowing.deps.services.webhooks.deps).drain();
      const log = await allowing.call('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`, { as: token });
      expect(log.body.items[0]).toMatchObject({ lastStatusCode: 403, lastError: 'HTTP 403' });
      expect(JSON.stringify(log.body)).not.toContain('AKIASECRET');
    } finally {
      await allowing.dispose();
    }
  });
});
