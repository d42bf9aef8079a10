import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Services } from '../services/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import { repositories } from './index';

/** Repositories hand out decoded rows (real booleans, parsed JSON) on both databases. */
describeEachDialect('decoded rows', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    ({ services: s } = testServices(test.db, Date.UTC(2026, 9, 1), 'decode'));
    org = await smallOrg(s);
  });
  afterAll(() => test.dispose());
  const repos = () => repositories(test.db.kysely, test.db.dialect);

  it('gives people, memberships and workspaces with booleans, and writes them back as stored', async () => {
    const ws = org.workspaceId;
    const person = await repos().people.find(ws, org.member.personId);
    expect(person?.isActive).toBe(true);
    await s.people.deactivate(org.admin, org.member.personId);
    expect((await repos().people.find(ws, org.member.personId))?.isActive).toBe(false);
    expect((await repos().people.list(ws)).map((p) => typeof p.isActive)).not.toContain('number');
    expect(await repos().people.inactiveOf(ws)).toEqual([org.member.personId]);
    const stored = await test.db.kysely
      .selectFrom('people')
      .select('isActive')
      .where('id', '=', org.member.personId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.isActive)).toBe(0);
    await s.people.reactivate(org.admin, org.member.personId);

    const members = await repos().units.members(org.teamId);
    expect(members.find((m) => m.personId === org.lead.personId)?.isLead).toBe(true);
    expect(members.find((m) => m.personId === org.member.personId)?.isLead).toBe(false);
    expect(
      (await repos().units.membershipsOf(org.lead.personId)).every((m) => typeof m.isLead === 'boolean'),
    ).toBe(true);
    expect((await repos().workspaces.find(ws))?.rollupsPending).toBe(false);
  });

  it('gives webhooks with their filter parsed and events with before and after parsed', async () => {
    const ws = org.workspaceId;
    const created = await s.webhooks.create(org.admin, {
      url: 'https://hooks.example.com/decoded',
      events: ['objective.*'],
    });
    const row = await repos().webhooks.find(ws, created.id);
    expect(row).toMatchObject({ events: ['objective.*'], isEnabled: true });
    expect(await repos().webhooks.enabledTargets(ws)).toEqual([{ id: created.id, events: ['objective.*'] }]);
    await s.webhooks.update(org.admin, created.id, {
      version: 1,
      isEnabled: false,
      events: ['key_result.*'],
    });
    expect(await repos().webhooks.find(ws, created.id)).toMatchObject({
      events: ['key_result.*'],
      isEnabled: false,
    });
    expect(await repos().webhooks.enabledTargets(ws)).toEqual([]);
    const [endpoint] = await repos().webhooks.endpoints([created.id]);
    expect(endpoint?.isEnabled).toBe(false);

    await s.objectives.update(org.admin, org.objectiveId, { version: 1, title: 'Decoded rows everywhere' });
    const events = await repos().events.listByEntity(ws, org.objectiveId);
    const updated = events.find((e) => e.action === 'updated');
    expect(updated?.isEditedAfterClose).toBe(false);
    expect(updated?.after).toMatchObject({ title: 'Decoded rows everywhere' });
    expect(typeof updated?.before).toBe('object');
  });
});
