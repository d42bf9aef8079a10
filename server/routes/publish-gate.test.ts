import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Credentials, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

/** The publish gate over HTTP: a 409 error envelope listing the blocking findings; drafts save. */
describeEachDialect('the publish gate over HTTP', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    const { version } = (await api.call('GET', '/api/v1/workspace', { as: admin })).body;
    const patched = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: {
        version,
        settings: { coachBlocksPublishing: true, coachSeverities: { 'objective-kind-missing': 'error' } },
      },
    });
    expect(patched.status).toBe(200);
  });
  afterAll(() => api.dispose());

  it('saves a draft, refuses to publish it (409, rule, goal, field), and refuses to activate its cycle', async () => {
    const draft = await api.call('POST', '/api/v1/objectives', {
      as: admin,
      body: {
        cycleId: org.nextCycleId,
        title: 'Make onboarding effortless for new teams',
        unitId: org.teamId,
        state: 'draft',
      },
    });
    expect(draft.status).toBe(201);
    const publish = await api.call('PATCH', `/api/v1/objectives/${draft.body.id}`, {
      as: admin,
      body: { version: 1, state: 'active' },
    });
    expect(publish.status).toBe(409);
    expect(publish.body.error).toMatchObject({
      code: 'conflict',
      details: {
        reason: 'coach_blocks_publishing',
        findings: [
          { rule: 'objective-kind-missing', goalType: 'objective', goalId: draft.body.id, field: 'kind' },
        ],
      },
    });
    const activate = await api.call('POST', `/api/v1/cycles/${org.nextCycleId}/activate`, { as: admin });
    expect(activate.status).toBe(409);
    expect(activate.body.error.details.findings).toHaveLength(1);
    const cycle = await api.call('GET', `/api/v1/cycles/${org.nextCycleId}`, { as: admin });
    expect(cycle.body.state).toBe('planning');
  });
});
