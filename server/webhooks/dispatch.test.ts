import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Credentials, type TestApi, testApi } from '../app/test-client';
import { type Db, openDatabase } from '../db/database';
import { serviceDeps } from '../services/context';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { actorFor, sequentialIds } from '../test/scenario';
import { verifyStandardWebhook, WebhookReceiver } from '../test/webhook-receiver';
import { WebhookDispatcher } from './dispatcher';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './retry';

/**
 * Outgoing webhooks end to end: writes through the HTTP API queue deliveries in their transaction,
 * a real dispatcher sends them to a real receiver on loopback, and the injected clock moves
 * through the retry schedule. Runs on SQLite and PostgreSQL.
 */

const START = Date.UTC(2026, 9, 15, 12);
/** The receiver listens on loopback, which outgoing requests may reach only when allowed. */
const LOOPBACK = '127.0.0.0/8,::1/128';

describeEachDialect('webhook delivery', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;
  let member: Credentials;
  let receiver: WebhookReceiver;
  let dispatcher: WebhookDispatcher;

  beforeAll(async () => {
    api = await testApi(dialect, { at: START, outboundAllow: LOOPBACK });
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    member = await api.tokenFor(org.member);
    receiver = new WebhookReceiver();
    await receiver.start();
    dispatcher = newDispatcher(api.test.db);
  });
  afterEach(async () => {
    for (const hook of await api.deps.services.webhooks.list(org.admin))
      await api.deps.services.webhooks.remove(org.admin, hook.id);
    receiver.requests.length = 0;
    receiver.replies.length = 0;
    receiver.fallback = { status: 200, body: 'ok' };
    api.clock.set(START);
  });
  afterAll(async () => {
    await receiver.stop();
    await api.dispose();
  });

  const newDispatcher = (db: Db, options: { timeoutMs?: number; batchSize?: number } = {}) =>
    new WebhookDispatcher(
      serviceDeps(db, api.clock, sequentialIds('dispatch'), api.deps.services.webhooks.deps.outbound),
      {
        timeoutMs: 2000,
        ...options,
      },
    );

  const createWebhook = async (body: Record<string, unknown>, as: Credentials = admin) => {
    const res = await api.call('POST', '/api/v1/webhooks', { as, body });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string; version: number };
  };

  const checkIn = async (value: number) => {
    const res = await api.call('POST', '/api/v1/check-ins', {
      as: member,
      body: { goalType: 'key_result', goalId: org.krId, value },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  const deliveries = async (webhookId: string) => {
    const res = await api.call('GET', `/api/v1/webhooks/${webhookId}/deliveries`, { as: admin });
    expect(res.status).toBe(200);
    return res.body.items;
  };

  const at = (path: string) => receiver.requests.filter((r) => r.path === path);

  it('delivers a check-in to a webhook, signed as Standard Webhooks describes', async () => {
    const hook = await createWebhook({ url: `${receiver.url}/a`, events: ['key_result.checked_in'] });
    await checkIn(42);
    // The signature's timestamp comes from the clock; the reference verifier wants it recent.
    api.clock.set(Date.now());
    await dispatcher.drain();

    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('Tandem-Webhooks/1');
    expect(request.headers['webhook-timestamp']).toBe(String(Math.floor(api.clock.now() / 1000)));
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(hook.secret).verify(request.body, request.headers as Record<string, string>);
    expect(verified).toMatchObject({
      type: 'key_result.checked_in',
      timestamp: new Date(START).toISOString(),
      data: {
        workspaceId: org.workspaceId,
        entityType: 'key_result',
        entityId: org.krId,
        action: 'checked_in',
        actor: { type: 'token', id: org.member.personId },
        source: 'api',
        before: null,
        after: { value: 42 },
        isEditedAfterClose: false,
      },
    });
    expect(verifyStandardWebhook(hook.secret, request)).toBe(true);
    expect(() =>
      new Webhook(hook.secret).verify(`${request.body} `, request.headers as Record<string, string>),
    ).toThrow();

    const [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({
      id: request.headers['webhook-id'],
      webhookId: hook.id,
      type: 'key_result.checked_in',
      state: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: api.clock.now(),
    });
    expect(logged.payload).toEqual(JSON.parse(request.body));
  });

  it("sends each webhook only the events its filter names, and never the webhooks' own admin events", async () => {
    await createWebhook({ url: `${receiver.url}/goals`, events: ['smart_goal.*'] });
    await createWebhook({ url: `${receiver.url}/check-ins`, events: ['key_result.checked_in'] });
    await createWebhook({ url: `${receiver.url}/all`, events: ['*'] });
    await createWebhook({ url: `${receiver.url}/objectives`, events: ['objective.updated', 'cycle.*'] });
    await checkIn(10);
    const objective = await api.deps.services.reads.getObjective(org.admin, org.objectiveId);
    const edited = await api.call('PATCH', `/api/v1/objectives/${org.objectiveId}`, {
      as: admin,
      body: { version: objective.version, description: 'Weekly delight, measured' },
    });
    expect(edited.status).toBe(200);
    await dispatcher.drain();

    const types = (path: string) => at(path).map((r) => JSON.parse(r.body).type);
    expect(types('/goals')).toEqual([]);
    expect(types('/check-ins')).toEqual(['key_result.checked_in']);
    expect(types('/objectives')).toEqual(['objective.updated']);
    expect(types('/all')).toContain('key_result.checked_in');
    expect(types('/all')).toContain('objective.updated');
    expect(types('/all').filter((t) => t.startsWith('webhook.'))).toEqual([]);
  });

  it('retries a failed attempt after the scheduled delay, with the same message id', async () => {
    const hook = await createWebhook({ url: `${receiver.url}/flaky` });
    receiver.replies.push({ status: 500, body: 'database\nunavailable' });
    await checkIn(20);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(1);
    let [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      // The status only: the receiver's answer ("database unavailable") is never shown.
      lastError: 'HTTP 500',
      lastAttemptAt: START,
      nextAttemptAt: START + 5000,
    });

    await dispatcher.drain();
    api.clock.set(START + 4999);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(1);
    api.clock.set(START + 5000);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.headers['webhook-id']).toBe(receiver.requests[0]!.headers['webhook-id']);
    [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({ state: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
  });

  it('fails a delivery after the last scheduled attempt; a manual retry sends it once more', async () => {
    const hook = await createWebhook({ url: `${receiver.url}/down` });
    receiver.fallback = { status: 503 };
    await checkIn(30);
    let now = START;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await dispatcher.drain();
      expect(receiver.requests).toHaveLength(attempt);
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (delay === undefined) break;
      api.clock.set(now + delay - 1);
      await dispatcher.drain();
      expect(receiver.requests).toHaveLength(attempt);
      now += delay;
      api.clock.set(now);
    }
    expect(MAX_ATTEMPTS).toBe(8);
    let [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({
      state: 'failed',
      attempts: 8,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      nextAttemptAt: null,
    });
    api.clock.set(now + 100 * 3_600_000);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(8);

    receiver.fallback = { status: 204 };
    const retried = await api.call('POST', `/api/v1/webhooks/${hook.id}/deliveries/${logged.id}/retry`, {
      as: admin,
    });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: logged.id, state: 'pending', attempts: 8 });
    const again = await api.call('POST', `/api/v1/webhooks/${hook.id}/deliveries/${logged.id}/retry`, {
      as: admin,
    });
    expect(again.status).toBe(409);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(9);
    [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({ state: 'delivered', attempts: 9, lastStatusCode: 204 });
  });

  it('sends nothing to a disabled webhook; disabling one fails its pending deliveries', async () => {
    const off = await createWebhook({ url: `${receiver.url}/off`, isEnabled: false });
    await checkIn(40);
    await dispatcher.drain();
    expect(receiver.requests).toEqual([]);
    expect(await deliveries(off.id)).toEqual([]);
    const ping = await api.call('POST', `/api/v1/webhooks/${off.id}/test`, { as: admin });
    expect(ping.status).toBe(409);

    const hook = await createWebhook({ url: `${receiver.url}/soon-off` });
    receiver.fallback = { status: 502 };
    await checkIn(41);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(1);
    const disabled = await api.call('PATCH', `/api/v1/webhooks/${hook.id}`, {
      as: admin,
      body: { version: hook.version, isEnabled: false },
    });
    expect(disabled.status).toBe(200);
    const [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({ state: 'failed', attempts: 1, lastError: 'webhook disabled' });
    api.clock.set(START + 86_400_000);
    await checkIn(42);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(1);
  });

  it("never sends one workspace's events to another workspace's webhook", async () => {
    const other = await api.deps.services.workspaces.create({
      name: 'Other',
      admin: { email: 'admin@other.test', name: 'Other admin' },
    });
    const otherAdmin = actorFor(other.workspace.id, other.adminId);
    const otherCreds = await api.tokenFor(otherAdmin);
    const theirs = await createWebhook({ url: `${receiver.url}/theirs` }, otherCreds);
    const mine = await createWebhook({ url: `${receiver.url}/mine` });
    await checkIn(50);
    await api.deps.services.units.create(otherAdmin, { name: 'Elsewhere' });
    await dispatcher.drain();

    const theirPayloads = at('/theirs').map((r) => JSON.parse(r.body));
    expect(theirPayloads.map((p) => p.type)).toEqual(['unit.created']);
    expect(theirPayloads.every((p) => p.data.workspaceId === other.workspace.id)).toBe(true);
    const myPayloads = at('/mine').map((r) => JSON.parse(r.body));
    expect(myPayloads.map((p) => p.type)).toEqual(['key_result.checked_in']);
    expect(JSON.stringify(myPayloads)).not.toContain('Elsewhere');

    // Their admin cannot see or touch this workspace's webhook or its log.
    for (const [method, path] of [
      ['GET', `/api/v1/webhooks/${mine.id}`],
      ['GET', `/api/v1/webhooks/${mine.id}/deliveries`],
      ['POST', `/api/v1/webhooks/${mine.id}/test`],
      ['DELETE', `/api/v1/webhooks/${mine.id}`],
    ] as const)
      expect((await api.call(method, path, { as: otherCreds })).status).toBe(404);
    const listed = await api.call('GET', '/api/v1/webhooks', { as: otherCreds });
    expect(listed.body.items.map((w: { id: string }) => w.id)).toEqual([theirs.id]);
    await api.deps.services.webhooks.remove(otherAdmin, theirs.id);
  });

  it('prunes finished deliveries older than the retention from the log, never pending ones', async () => {
    const hook = await createWebhook({ url: `${receiver.url}/log` });
    const day = 86_400_000;
    const row = (id: string, state: 'pending' | 'delivered' | 'failed', ageDays: number) => ({
      id,
      workspaceId: org.workspaceId,
      webhookId: hook.id,
      eventId: `event-${id}`,
      payload: '{}',
      state,
      attempts: 1,
      nextAttemptAt: START + 365 * day,
      lockedUntil: 0,
      lastStatusCode: null,
      lastError: null,
      lastAttemptAt: null,
      deliveredAt: null,
      createdAt: START - ageDays * day,
    });
    await api.test.db.kysely
      .insertInto('webhookDeliveries')
      .values([
        row('old-delivered', 'delivered', 31),
        row('old-failed', 'failed', 40),
        row('old-pending', 'pending', 45),
        row('recent-delivered', 'delivered', 29),
      ])
      .execute();
    expect(await newDispatcher(api.test.db).prune()).toBe(2);
    const left = await api.test.db.kysely
      .selectFrom('webhookDeliveries')
      .select('id')
      .where('webhookId', '=', hook.id)
      .orderBy('id')
      .execute();
    expect(left.map((r) => r.id)).toEqual(['old-pending', 'recent-delivered']);
    // A running dispatcher prunes by itself: the hourly `webhooks.prune-log` job, queued once per
    // hour across nodes (the hours the earlier tests moved through have had theirs, so move on).
    await api.test.db.kysely
      .insertInto('webhookDeliveries')
      .values(row('old-again', 'delivered', 60))
      .execute();
    api.clock.set(START + 30 * day);
    const running = newDispatcher(api.test.db);
    running.start();
    await running.stop();
    const ids = await api.test.db.kysely
      .selectFrom('webhookDeliveries')
      .select('id')
      .where('id', '=', 'old-again')
      .execute();
    expect(ids).toEqual([]);
  });

  it('two dispatchers on one database (two nodes) send each delivery exactly once', async () => {
    const hook = await createWebhook({ url: `${receiver.url}/busy` });
    receiver.fallback = { status: 200, delayMs: 5 };
    const items = Array.from({ length: 40 }, (_, i) => ({
      goalType: 'key_result',
      goalId: org.krId,
      value: i,
    }));
    const batch = await api.call('POST', '/api/v1/check-ins/batch', { as: member, body: { items } });
    expect(batch.status).toBe(201);
    const secondNode = dialect === 'postgres' ? openDatabase(api.test.location) : api.test.db;
    try {
      const one = newDispatcher(api.test.db, { batchSize: 7 });
      const two = newDispatcher(secondNode, { batchSize: 7 });
      await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    } finally {
      if (secondNode !== api.test.db) await secondNode.close();
    }
    const ids = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const page = await api.call('GET', `/api/v1/webhooks/${hook.id}/deliveries?limit=500`, { as: admin });
    expect(page.body.items).toHaveLength(40);
    expect(
      page.body.items.every(
        (d: { state: string; attempts: number }) => d.state === 'delivered' && d.attempts === 1,
      ),
    ).toBe(true);
  });

  it('follows no redirect, gives up on a silent receiver after the timeout, and records refused connections', async () => {
    const hook = await createWebhook({ url: `${receiver.url}/moved` });
    receiver.replies.push({ status: 302, headers: { location: `${receiver.url}/elsewhere` } });
    await checkIn(60);
    await dispatcher.drain();
    expect(receiver.requests.map((r) => r.path)).toEqual(['/moved']);
    expect((await deliveries(hook.id))[0]).toMatchObject({
      state: 'pending',
      lastStatusCode: 302,
      lastError: 'HTTP 302: redirects are not followed',
    });
    await api.deps.services.webhooks.remove(org.admin, hook.id);

    const slow = await createWebhook({ url: `${receiver.url}/silent` });
    receiver.replies.push({ status: 200, isHung: true });
    await checkIn(61);
    await newDispatcher(api.test.db, { timeoutMs: 150 }).drain();
    expect((await deliveries(slow.id))[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'timed out after 150 ms',
    });
    await api.deps.services.webhooks.remove(org.admin, slow.id);

    const closed = await createWebhook({ url: 'http://127.0.0.1:1/hook?token=abc' });
    await checkIn(62);
    await dispatcher.drain();
    const [refused] = await deliveries(closed.id);
    expect(refused).toMatchObject({ state: 'pending', attempts: 1, lastStatusCode: null });
    expect(refused.lastError).toMatch(/^request failed: /);
    expect(refused.lastError).not.toContain('token=abc');
  });

  it('starts and stops: a started dispatcher sends on its own, soon after a write is announced', async () => {
    await createWebhook({ url: `${receiver.url}/live` });
    const live = newDispatcher(api.test.db);
    let listener: (() => void) | undefined;
    live.start((wake) => {
      listener = wake;
      return () => {
        listener = undefined;
      };
    });
    await checkIn(70);
    listener?.();
    await waitFor(() => at('/live').length === 1);
    await live.stop();
    expect(listener).toBeUndefined();
    await checkIn(71);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(at('/live')).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
