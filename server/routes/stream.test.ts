import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

/** Reads server-sent events from a response until `count` `change` events or the timeout. */
async function changes(
  res: Response,
  count: number,
  ms = 1500,
): Promise<{ entityId: string; action: string }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const found: { entityId: string; action: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  while (found.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    for (const block of buffer.split('\n\n').slice(0, -1)) {
      if (block.includes('event: change')) {
        const data = /data: (.*)/.exec(block)?.[1];
        if (data) found.push(JSON.parse(data));
      }
    }
    buffer = buffer.split('\n\n').pop() ?? '';
  }
  await reader.cancel();
  return found;
}

describeEachDialect('the live stream', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
  });
  afterAll(() => api.dispose());

  it('pushes check-ins to those who may see the goal, and private goals to no one else', async () => {
    const privateGoal = await api.deps.services.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Pass the cloud certification exam',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
      visibility: 'private',
    });
    const viewerToken = await api.tokenFor(org.viewer);
    const leadToken = await api.tokenFor(org.lead);
    const memberToken = await api.tokenFor(org.member);
    const open = (bearer: string) =>
      api.app.request('/api/v1/stream', { headers: { Authorization: `Bearer ${bearer}` } });
    const asViewer = await open(viewerToken.bearer);
    const asLead = await open(leadToken.bearer);
    expect(asViewer.status).toBe(200);
    expect(asViewer.headers.get('content-type')).toContain('text/event-stream');
    const viewerEvents = changes(asViewer, 2);
    const leadEvents = changes(asLead, 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await api.call('POST', '/api/v1/check-ins', {
      as: memberToken,
      body: { goalType: 'smart_goal', goalId: privateGoal.id, done: true },
    });
    await api.call('POST', '/api/v1/check-ins', {
      as: memberToken,
      body: { goalType: 'key_result', goalId: org.krId, value: 30 },
    });
    const seenByLead = (await leadEvents).map((e) => e.entityId);
    const seenByViewer = (await viewerEvents).map((e) => e.entityId);
    expect(seenByLead).toEqual([privateGoal.id, org.krId]);
    expect(seenByViewer).toEqual([org.krId]);
    expect(api.deps.bus.listenerCount).toBeLessThanOrEqual(2);
  });

  it('stops telling a viewer about a goal as soon as it is made private', async () => {
    const goal = await api.deps.services.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Publish the onboarding guide',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
    });
    const viewerToken = await api.tokenFor(org.viewer);
    const memberToken = await api.tokenFor(org.member);
    const stream = await api.app.request('/api/v1/stream', {
      headers: { Authorization: `Bearer ${viewerToken.bearer}` },
    });
    const seen = changes(stream, 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const checkIn = (done: boolean) =>
      api.call('POST', '/api/v1/check-ins', {
        as: memberToken,
        body: { goalType: 'smart_goal', goalId: goal.id, done },
      });
    await checkIn(false);
    await api.call('PATCH', `/api/v1/smart-goals/${goal.id}`, {
      as: memberToken,
      body: { version: 1, visibility: 'private' },
    });
    await checkIn(true);
    expect((await seen).map((e) => `${e.entityId} ${e.action}`)).toEqual([`${goal.id} checked_in`]);
  });

  it('ends a stream once its token is revoked', async () => {
    const created = await api.deps.tokens.create(org.viewer, { name: 'stream' });
    const stream = await api.app.request('/api/v1/stream', {
      headers: { Authorization: `Bearer ${created.token}` },
    });
    const reader = stream.body!.getReader();
    await reader.read();
    await api.deps.tokens.revoke(org.viewer, created.id);
    const deadline = Date.now() + 3000;
    let isDone = false;
    while (!isDone && Date.now() < deadline) isDone = (await reader.read()).done;
    expect(isDone).toBe(true);
  });

  it('refuses anonymous listeners', async () => {
    const res = await api.app.request('/api/v1/stream');
    expect(res.status).toBe(401);
  });
});
