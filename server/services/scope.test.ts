import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { codeOf, testServices } from '../test/scenario';
import type { Services } from './index';

describeEachDialect('remembered scopes and the directory stamp', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());
  let run = 0;
  beforeEach(async () => {
    ({ services: s } = testServices(test.db, Date.UTC(2026, 9, 1), `scope${++run}`));
    org = await smallOrg(s);
  });

  const stamp = async () =>
    (
      await test.db.kysely
        .selectFrom('workspaces')
        .select('directoryVersion')
        .where('id', '=', org.workspaceId)
        .executeTakeFirstOrThrow()
    ).directoryVersion;

  it('changes with every change to people, units and memberships, and with nothing else', async () => {
    const changes: [string, () => Promise<unknown>][] = [
      ['role', () => s.people.update(org.admin, org.member.personId, { role: 'viewer' })],
      ['manager', () => s.people.update(org.admin, org.colleague.personId, { managerId: org.lead.personId })],
      ['new person', () => s.people.add(org.admin, { email: 'new@org.test', name: 'New', role: 'member' })],
      ['membership', () => s.units.setMember(org.admin, org.teamId, { personId: org.viewer.personId })],
      [
        'lead flag',
        () => s.units.setMember(org.admin, org.teamId, { personId: org.viewer.personId, isLead: true }),
      ],
      ['leaving', () => s.units.removeMember(org.admin, org.teamId, org.viewer.personId)],
      ['new unit', () => s.units.create(org.admin, { name: 'Other', parentId: org.companyId })],
      ['move', () => s.units.move(org.admin, org.teamId, null)],
    ];
    for (const [name, change] of changes) {
      const before = await stamp();
      await change();
      expect({ name, changed: (await stamp()) !== before }).toEqual({ name, changed: true });
    }
    const before = await stamp();
    await s.people.update(org.admin, org.member.personId, { name: 'Renamed' });
    await s.checkIns.checkIn(org.admin, { goalType: 'key_result', goalId: org.krId, value: 10 });
    expect(await stamp()).toBe(before);
  });

  it('a remembered scope is dropped when the directory changes, even by a write that bypasses the services', async () => {
    const checkIn = (value: number) =>
      s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value });
    expect(await codeOf(checkIn(10))).toBe('ok');
    expect(await codeOf(checkIn(11))).toBe('ok');
    // As another node or process would: straight to the database.
    await test.db.kysely
      .updateTable('people')
      .set({ role: 'viewer' })
      .where('id', '=', org.member.personId)
      .execute();
    expect(await codeOf(checkIn(12))).toBe('forbidden');
    await test.db.kysely
      .updateTable('people')
      .set({ isActive: 0, role: 'member' })
      .where('id', '=', org.member.personId)
      .execute();
    expect(await codeOf(checkIn(13))).toBe('unauthenticated');
    await test.db.kysely
      .updateTable('people')
      .set({ isActive: 1 })
      .where('id', '=', org.member.personId)
      .execute();
    expect(await codeOf(checkIn(14))).toBe('ok');
  });

  it('leading a unit is forgotten as soon as the lead leaves it', async () => {
    // The lead may edit the team's goals (here one the admin wrote) while leading the team.
    const objective = await s.objectives.create(org.admin, {
      cycleId: org.cycleId,
      title: 'Ship the team’s best quarter yet',
      unitId: org.teamId,
    });
    const rename = (title: string) =>
      s.objectives.update(org.lead, objective.id, { title, version: objective.version });
    expect(await codeOf(rename('Renamed by the lead'))).toBe('ok');
    await s.units.setMember(org.admin, org.teamId, { personId: org.lead.personId, isLead: false });
    expect(await codeOf(rename('Renamed by a former lead'))).toBe('forbidden');
  });

  it('two bumps never give the same stamp, so a rolled-back change cannot pass for a committed one', async () => {
    const seen = new Set<number>([await stamp()]);
    for (let i = 0; i < 20; i++) {
      await s.units.setMember(org.admin, org.teamId, { personId: org.viewer.personId, isLead: i % 2 === 0 });
      seen.add(await stamp());
    }
    expect(seen.size).toBe(21);
  });
});
