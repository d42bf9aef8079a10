import { afterAll, beforeAll, expect, it } from 'vitest';
import { WEBHOOK_EVENT_CATALOGUE, WEBHOOK_EVENT_TYPES } from '../../core/webhook-events';
import { type Credentials, parsed, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { verifyStandardWebhook, WebhookReceiver } from '../test/webhook-receiver';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { webhookDeliverySchema, webhookSchema, webhookWithSecretSchema } from './webhooks.routes';

/** The webhooks API: validation, secrets shown once, versions, the test message, the delivery log. */
describeEachDialect('webhooks API', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;
  let receiver: WebhookReceiver;
  let dispatcher: WebhookDispatcher;

  beforeAll(async () => {
    api = await testApi(dialect, { at: Date.UTC(2026, 9, 15, 12), outboundAllow: '127.0.0.0/8' });
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    receiver = new WebhookReceiver();
    await receiver.start();
    dispatcher = new WebhookDispatcher(api.deps.services.webhooks.deps);
  });
  afterAll(async () => {
    await receiver.stop();
    await api.dispose();
  });

  const post = (path: string, body?: unknown) => api.call('POST', path, { as: admin, body });

  it('refuses bad input with every issue named, and creates a webhook with its secret shown once', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{}, 'url', /expected string/i],
      [{ url: 'not a url' }, 'url', /not a URL/],
      [{ url: 'ftp://files.example.com/in' }, 'url', /only http and https/],
      [{ url: 'javascript:alert(1)' }, 'url', /only http and https/],
      [{ url: 'https://user:pass@hooks.example.com/' }, 'url', /user name or password/],
      [{ url: 'https://hooks.example.com/', events: ['checked in'] }, 'events.0', /entity_type\.action/],
      [{ url: 'https://hooks.example.com/', events: [] }, 'events', /./],
      [{ url: 'https://hooks.example.com/', secret: 'whsec_mine' }, '(input)', /secret/],
    ];
    for (const [body, path, message] of cases) {
      const res = await post('/api/v1/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation');
      const issue = res.body.error.details.issues.find((i: { path: string }) => i.path.endsWith(path));
      expect(issue?.message ?? res.body.error.message, JSON.stringify(res.body)).toMatch(message);
    }

    const created = await post('/api/v1/webhooks', {
      url: 'https://hooks.example.com/tandem',
      description: 'CRM sync',
      events: ['key_result.checked_in', 'objective.*', 'key_result.checked_in'],
    });
    expect(created.status).toBe(201);
    const hook = parsed(webhookWithSecretSchema, created.body);
    expect(hook).toMatchObject({
      url: 'https://hooks.example.com/tandem',
      description: 'CRM sync',
      events: ['key_result.checked_in', 'objective.*'],
      isEnabled: true,
      createdBy: org.admin.personId,
      version: 1,
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64')).toHaveLength(24);

    const got = await api.call('GET', `/api/v1/webhooks/${hook.id}`, { as: admin });
    expect(got.status).toBe(200);
    expect(parsed(webhookSchema, got.body)).not.toHaveProperty('secret');
    expect(JSON.stringify(got.body)).not.toContain(hook.secret);
    const listed = await api.call('GET', '/api/v1/webhooks', { as: admin });
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(hook.id);
  });

  it('updates with the version read; a stale version is a 409 and changes nothing', async () => {
    const hook = (await post('/api/v1/webhooks', { url: 'https://a.example.com/' })).body;
    const updated = await api.call('PATCH', `/api/v1/webhooks/${hook.id}`, {
      as: admin,
      body: { version: 1, url: 'https://b.example.com/', events: ['smart_goal.*'], description: 'B' },
    });
    expect(updated.status).toBe(200);
    expect(parsed(webhookSchema, updated.body)).toMatchObject({
      url: 'https://b.example.com/',
      events: ['smart_goal.*'],
      description: 'B',
      version: 2,
    });
    const stale = await api.call('PATCH', `/api/v1/webhooks/${hook.id}`, {
      as: admin,
      body: { version: 1, url: 'https://c.example.com/' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    const bad = await api.call('PATCH', `/api/v1/webhooks/${hook.id}`, {
      as: admin,
      body: { version: 2, url: 'gopher://x' },
    });
    expect(bad.status).toBe(400);
    expect((await api.call('GET', `/api/v1/webhooks/${hook.id}`, { as: admin })).body.url).toBe(
      'https://b.example.com/',
    );

    const removed = await api.call('DELETE', `/api/v1/webhooks/${hook.id}`, { as: admin });
    expect(removed.status).toBe(200);
    expect((await api.call('GET', `/api/v1/webhooks/${hook.id}`, { as: admin })).status).toBe(404);
    expect((await api.call('DELETE', `/api/v1/webhooks/${hook.id}`, { as: admin })).status).toBe(404);

    const audit = await api.test.db.kysely
      .selectFrom('events')
      .select(['action', 'before', 'after'])
      .where('entityId', '=', hook.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['created', 'updated', 'deleted']);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it('sends a test message, rotates the secret, and pages the delivery log newest first', async () => {
    const hook = parsed(
      webhookWithSecretSchema,
      (await post('/api/v1/webhooks', { url: `${receiver.url}/ping`, events: ['cycle.created'] })).body,
    );
    const queued = await post(`/api/v1/webhooks/${hook.id}/test`);
    expect(queued.status).toBe(202);
    expect(parsed(webhookDeliverySchema, queued.body)).toMatchObject({
      type: 'webhook.test',
      state: 'pending',
      attempts: 0,
    });
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({
      type: 'webhook.test',
      data: { entityType: 'webhook', entityId: hook.id, action: 'test', workspaceId: org.workspaceId },
    });
    expect(verifyStandardWebhook(hook.secret, receiver.requests[0]!)).toBe(true);

    const rotated = await post(`/api/v1/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const fresh = parsed(webhookWithSecretSchema, rotated.body);
    expect(fresh.secret).not.toBe(hook.secret);
    expect(fresh.version).toBe(2);
    for (const name of ['2030-Q1', '2030-Q2']) {
      api.clock.set(api.clock.now() + 1000);
      expect((await post('/api/v1/cycles', { name })).status).toBe(201);
    }
    await dispatcher.drain();
    const [, second, third] = receiver.requests;
    expect(verifyStandardWebhook(fresh.secret, second!)).toBe(true);
    expect(verifyStandardWebhook(hook.secret, second!)).toBe(false);
    expect(verifyStandardWebhook(fresh.secret, third!)).toBe(true);

    const page1 = await api.call('GET', `/api/v1/webhooks/${hook.id}/deliveries?limit=2`, { as: admin });
    expect(page1.status).toBe(200);
    const items1 = page1.body.items.map((d: unknown) => parsed(webhookDeliverySchema, d));
    expect(
      items1.map((d: { payload: { data: { after: { name: string } } } }) => d.payload.data.after.name),
    ).toEqual(['2030-Q2', '2030-Q1']);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await api.call(
      'GET',
      `/api/v1/webhooks/${hook.id}/deliveries?limit=2&cursor=${page1.body.nextCursor}`,
      { as: admin },
    );
    expect(page2.body.items.map((d: { type: string }) => d.type)).toEqual(['webhook.test']);
    expect(page2.body.nextCursor).toBeNull();
    const delivered = await api.call('GET', `/api/v1/webhooks/${hook.id}/deliveries?state=delivered`, {
      as: admin,
    });
    expect(delivered.body.items).toHaveLength(3);
    const failed = await api.call('GET', `/api/v1/webhooks/${hook.id}/deliveries?state=failed`, {
      as: admin,
    });
    expect(failed.body.items).toEqual([]);
    for (const query of ['cursor=nope', 'limit=0', 'state=lost']) {
      const res = await api.call('GET', `/api/v1/webhooks/${hook.id}/deliveries?${query}`, { as: admin });
      expect(res.status, query).toBe(400);
    }
    const missing = await post(`/api/v1/webhooks/${hook.id}/deliveries/no-such-delivery/retry`);
    expect(missing.status).toBe(404);
  });

  it('accepts every type of the event catalogue the web app offers, and that catalogue names every event recorded', async () => {
    const all = await post('/api/v1/webhooks', {
      url: 'https://catalogue.example.com/',
      events: [...WEBHOOK_EVENT_TYPES, ...WEBHOOK_EVENT_CATALOGUE.map((g) => `${g.entity}.*`)],
    });
    expect(all.status, JSON.stringify(all.body)).toBe(201);
    const recorded = await api.test.db.kysely
      .selectFrom('events')
      .select(['entityType', 'action'])
      .distinct()
      .execute();
    const types = recorded.map((e) => `${e.entityType}.${e.action}`).filter((t) => !t.startsWith('webhook.'));
    expect(types.length).toBeGreaterThan(3);
    expect(types.filter((t) => !WEBHOOK_EVENT_TYPES.includes(t))).toEqual([]);
  });
});
