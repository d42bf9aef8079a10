import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsed, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { cycleSchema, personSchema, unitSchema, workspaceSchema } from './schemas';

describeEachDialect('HTTP resources: workspace, people, units, cycles', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  let viewer: { bearer: string };
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    viewer = await api.tokenFor(org.viewer);
  });
  afterAll(() => api.dispose());

  it('reads and changes the workspace settings, with a 409 on a stale version', async () => {
    const ws = parsed(workspaceSchema, (await api.call('GET', '/api/v1/workspace', { as: viewer })).body);
    expect(ws.settings.defaultCadence).toBe('weekly');
    const changed = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: { version: ws.version, settings: { checkinHour: 10 } },
    });
    expect(changed.status).toBe(200);
    expect(parsed(workspaceSchema, changed.body).settings.checkinHour).toBe(10);
    const stale = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: { version: ws.version, settings: { checkinHour: 11 } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const bad = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: { version: 2, settings: { checkinHour: 30, timeZone: 'Mars/Base' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.length).toBeGreaterThanOrEqual(2);
  });

  it('pages through people with a cursor, gets and changes one', async () => {
    const first = await api.call('GET', '/api/v1/people?limit=2', { as: viewer });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await api.call('GET', `/api/v1/people?limit=2&cursor=${first.body.nextCursor}`, {
      as: viewer,
    });
    const third = await api.call('GET', `/api/v1/people?limit=2&cursor=${second.body.nextCursor}`, {
      as: viewer,
    });
    const emails = [...first.body.items, ...second.body.items, ...third.body.items].map(
      (p: { email: string }) => p.email,
    );
    expect(emails).toEqual([...emails].sort());
    expect(new Set(emails).size).toBe(5);
    expect(third.body.nextCursor).toBeNull();
    expect((await api.call('GET', '/api/v1/people?cursor=!!', { as: viewer })).status).toBe(400);
    const one = await api.call('GET', `/api/v1/people/${org.member.personId}`, { as: viewer });
    expect(parsed(personSchema, one.body).email).toBe('member@org.test');
    const added = await api.call('POST', '/api/v1/people', {
      as: admin,
      body: { email: 'new@org.test', name: 'New', role: 'viewer' },
    });
    expect(added.status).toBe(201);
    const duplicate = await api.call('POST', '/api/v1/people', {
      as: admin,
      body: { email: 'new@org.test', name: 'New' },
    });
    expect(duplicate.status).toBe(409);
    const updated = await api.call('PATCH', `/api/v1/people/${added.body.id}`, {
      as: admin,
      body: { role: 'member', managerId: org.lead.personId },
    });
    expect(parsed(personSchema, updated.body)).toMatchObject({
      role: 'member',
      managerId: org.lead.personId,
    });
    expect((await api.call('GET', '/api/v1/people/nobody', { as: viewer })).status).toBe(404);
  });

  it('locks a deactivated person out at once, whatever they hold', async () => {
    const person = await api.call('POST', '/api/v1/people', {
      as: admin,
      body: { email: 'leaving@org.test', name: 'Leaving', role: 'member' },
    });
    const theirs = await api.tokenFor({ ...org.member, personId: person.body.id });
    expect((await api.call('GET', '/api/v1/auth/me', { as: theirs })).status).toBe(200);
    await api.call('PATCH', `/api/v1/people/${person.body.id}`, { as: admin, body: { isActive: false } });
    expect((await api.call('GET', '/api/v1/auth/me', { as: theirs })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/objectives', { as: theirs })).status).toBe(401);
  });

  it('creates, moves and staffs units', async () => {
    const sales = await api.call('POST', '/api/v1/units', {
      as: admin,
      body: { name: 'Sales', parentId: org.companyId },
    });
    expect(sales.status).toBe(201);
    const team = await api.call('POST', '/api/v1/units', {
      as: admin,
      body: { name: 'Inside', parentId: sales.body.id },
    });
    const moved = await api.call('PATCH', `/api/v1/units/${team.body.id}`, {
      as: admin,
      body: { parentId: org.companyId },
    });
    expect(parsed(unitSchema, moved.body).parentId).toBe(org.companyId);
    const loop = await api.call('PATCH', `/api/v1/units/${org.companyId}`, {
      as: admin,
      body: { parentId: org.teamId },
    });
    expect(loop.status).toBe(400);
    expect(loop.body.error.details.issues[0].path).toBe('parentId');
    const staffed = await api.call('PUT', `/api/v1/units/${sales.body.id}/members/${org.viewer.personId}`, {
      as: admin,
      body: { isLead: true },
    });
    expect(parsed(unitSchema, staffed.body).leads).toEqual([org.viewer.personId]);
    // `me` names the units the person belongs to (the dashboard opens on them).
    const me = await api.call('GET', '/api/v1/auth/me', { as: viewer });
    expect(me.body.units).toContainEqual({ id: sales.body.id, isLead: true });
    const removed = await api.call(
      'DELETE',
      `/api/v1/units/${sales.body.id}/members/${org.viewer.personId}`,
      {
        as: admin,
      },
    );
    expect(removed.body.members).toEqual([]);
    const all = await api.call('GET', '/api/v1/units', { as: viewer });
    expect(all.body.items.map((u: { name: string }) => u.name).sort()).toEqual([
      'Inside',
      'Org',
      'Sales',
      'Team',
    ]);
  });

  it('creates and activates cycles; names are checked', async () => {
    const created = await api.call('POST', '/api/v1/cycles', { as: admin, body: { name: '2027-Q2' } });
    expect(parsed(cycleSchema, created.body)).toMatchObject({ startDate: '2027-04-01', state: 'planning' });
    const activated = await api.call('POST', `/api/v1/cycles/${created.body.id}/activate`, { as: admin });
    expect(activated.body.state).toBe('active');
    expect((await api.call('POST', `/api/v1/cycles/${created.body.id}/activate`, { as: admin })).status).toBe(
      409,
    );
    const bad = await api.call('POST', '/api/v1/cycles', { as: admin, body: { name: 'someday' } });
    expect(bad.status).toBe(400);
    expect((await api.call('POST', '/api/v1/cycles', { as: admin, body: { name: '2027-Q2' } })).status).toBe(
      409,
    );
    const list = await api.call('GET', '/api/v1/cycles', { as: viewer });
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
  });
});
