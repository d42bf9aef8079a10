import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Credentials, type TestApi, type TestResponse, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

/**
 * Every 409 of a stale version names the version that is current now, as `currentVersion`:
 * when many clients send the same version at once, the losers learn the winner's version, not
 * the one they sent (on PostgreSQL the row read before the update can be outdated by then).
 */
describeEachDialect('409s report the current version', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
  });
  afterAll(() => api.dispose());

  /** Sends the same version 8 times at once: one wins, each loser names the winner's version. */
  const race = async (path: string, body: (i: number) => Record<string, unknown>, version: number) => {
    const all: TestResponse[] = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.call('PATCH', path, { as: admin, body: { version, ...body(i) } }),
      ),
    );
    expect(all.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const lost of all.filter((r) => r.status === 409)) {
      expect(lost.body.error.code).toBe('conflict');
      expect(lost.body.error.details.currentVersion).toBe(version + 1);
      expect(lost.body.error.details).not.toHaveProperty('version');
    }
  };

  it('objectives', async () => {
    await race(`/api/v1/objectives/${org.objectiveId}`, (i) => ({ title: `Objective title number ${i}` }), 1);
  });

  it('key results', async () => {
    await race(`/api/v1/key-results/${org.krId}`, (i) => ({ title: `Key result title number ${i}` }), 1);
  });

  it('SMART goals', async () => {
    const goal = await api.call('POST', '/api/v1/smart-goals', {
      as: admin,
      body: {
        cycleId: org.cycleId,
        title: 'Ship the onboarding guide by the end of the quarter',
        startDate: '2026-10-01',
        dueDate: '2026-12-15',
      },
    });
    expect(goal.status).toBe(201);
    await race(`/api/v1/smart-goals/${goal.body.id}`, (i) => ({ title: `SMART goal title number ${i}` }), 1);
  });

  it('webhooks', async () => {
    const hook = await api.call('POST', '/api/v1/webhooks', {
      as: admin,
      body: { url: 'https://hooks.example.com/in' },
    });
    await race(`/api/v1/webhooks/${hook.body.id}`, (i) => ({ description: `description ${i}` }), 1);
  });

  it('workspace settings, with the field named currentVersion like the others', async () => {
    const { version } = (await api.call('GET', '/api/v1/workspace', { as: admin })).body;
    await race('/api/v1/workspace/settings', (i) => ({ settings: { checkinHour: 8 + i } }), version);
    const stale = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: { version, settings: { checkinHour: 7 } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ currentVersion: version + 1 });
  });
});
