import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

describeEachDialect('filters take a cycle by id or by name', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let viewer: { bearer: string };
  let fiscalCycleId: string;
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    viewer = await api.tokenFor(org.viewer);
    const { version } = await api.deps.services.workspaces.get(org.admin);
    await api.deps.services.workspaces.updateSettings(org.admin, {
      version,
      settings: { fiscalYearStartMonth: 4 },
    });
    const fiscal = await api.deps.services.cycles.create(org.admin, { name: 'FY2027-Q1' });
    fiscalCycleId = fiscal.id;
    await api.deps.services.objectives.create(org.admin, {
      cycleId: fiscal.id,
      title: 'Win the first fiscal quarter together',
      unitId: org.companyId,
    });
  });
  afterAll(() => api.dispose());

  const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('the objective and SMART goal lists', async () => {
    const byId = await api.call('GET', `/api/v1/objectives?cycle=${org.cycleId}`, { as: viewer });
    const byName = await api.call('GET', '/api/v1/objectives?cycle=2026-Q4', { as: viewer });
    expect(byName.status).toBe(200);
    expect(idsOf(byName.body)).toEqual(idsOf(byId.body));
    expect(idsOf(byName.body)).toEqual([org.objectiveId]);
    const fiscal = await api.call('GET', '/api/v1/objectives?cycle=FY2027-Q1', { as: viewer });
    expect(fiscal.body.items.map((o: { cycleId: string }) => o.cycleId)).toEqual([fiscalCycleId]);
    const goals = await api.call('GET', '/api/v1/smart-goals?cycle=2026-Q4', { as: viewer });
    expect(goals.status).toBe(200);
  });

  it('the dashboard and a unit page', async () => {
    const dashboard = await api.call('GET', '/api/v1/dashboard?cycle=2026-Q4', { as: viewer });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.cycle).toMatchObject({ id: org.cycleId, name: '2026-Q4' });
    const page = await api.call('GET', `/api/v1/dashboard/units/${org.teamId}?cycle=2026-Q4`, { as: viewer });
    expect(page.status).toBe(200);
    expect(page.body.cycle.id).toBe(org.cycleId);
  });

  it('an unknown cycle is a 400 naming the parameter, not an empty list', async () => {
    for (const path of [
      '/api/v1/objectives?cycle=2031-Q9',
      '/api/v1/smart-goals?cycle=2031-Q9',
      '/api/v1/dashboard?cycle=2031-Q9',
      `/api/v1/dashboard/units/${org.teamId}?cycle=2031-Q9`,
    ]) {
      const answer = await api.call('GET', path, { as: viewer });
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.details.issues, path).toEqual([
        { path: 'cycle', message: 'no cycle with the id or name "2031-Q9"' },
      ]);
    }
  });

  it('calibration names its query parameters when neither or both are given', async () => {
    for (const query of ['', `?unit=${org.teamId}&person=${org.member.personId}`]) {
      const answer = await api.call('GET', `/api/v1/calibration${query}`, { as: viewer });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.issues).toEqual([
        { path: 'unit', message: 'give one of the query parameters `unit` or `person`' },
      ]);
    }
  });
});
