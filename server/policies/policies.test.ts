import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Services } from '../services/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { codeOf, testServices } from '../test/scenario';

describeEachDialect('roles and visibility (SPEC 8)', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  let privateGoalId: string;
  let unitGoalId: string;
  let run = 0;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());
  beforeEach(async () => {
    ({ services: s } = testServices(test.db, Date.UTC(2026, 9, 5), `p${++run}`));
    org = await smallOrg(s);
    const base = {
      cycleId: org.cycleId,
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' as const },
    };
    privateGoalId = (
      await s.smartGoals.create(org.member, {
        ...base,
        title: 'Pass the cloud certification exam',
        visibility: 'private',
        supports: [{ type: 'key_result', id: org.alignedKrId }],
      })
    ).id;
    unitGoalId = (
      await s.smartGoals.create(org.member, {
        ...base,
        title: 'Publish the team runbook',
        visibility: 'unit',
        supports: [{ type: 'key_result', id: org.alignedKrId }],
      })
    ).id;
    await s.checkIns.checkIn(org.member, { goalType: 'smart_goal', goalId: privateGoalId, done: true });
  });

  it('private goals count in the parent score but their details never leak', async () => {
    const asViewer = await s.reads.getKeyResult(org.viewer, org.alignedKrId);
    expect(asViewer.score).toBeCloseTo(0.5, 12);
    expect(asViewer.evaluation.score).toBeCloseTo(0.5, 12);
    expect(asViewer.children).toEqual([]);
    expect(asViewer.hiddenChildren).toBe(2);
    expect(asViewer.hiddenSummary).toBe('2 private goals');
    expect(JSON.stringify(asViewer)).not.toContain('certification');
    const asColleague = await s.reads.getKeyResult(org.colleague, org.alignedKrId);
    expect(asColleague.children.map((c) => c.id)).toEqual([unitGoalId]);
    expect(asColleague.hiddenSummary).toBe('1 private goal');
  });

  it('private goals are seen by the owner, their manager, unit leads and admins only', async () => {
    for (const who of [org.member, org.lead, org.admin]) {
      expect(await codeOf(s.reads.getSmartGoal(who, privateGoalId))).toBe('ok');
    }
    for (const who of [org.colleague, org.viewer]) {
      expect(await codeOf(s.reads.getSmartGoal(who, privateGoalId))).toBe('not_found');
    }
    expect(await codeOf(s.reads.getSmartGoal(org.viewer, unitGoalId))).toBe('not_found');
    const page = await s.reads.unitPage(org.colleague, org.cycleId, org.teamId);
    expect(page.smartGoals.map((g) => g.id)).toEqual([unitGoalId]);
    expect(page.hiddenSummary).toBe('1 private goal');
  });

  it('members change what they own or lead; viewers only read', async () => {
    expect(
      await codeOf(s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 5 })),
    ).toBe('ok');
    expect(
      await codeOf(s.checkIns.checkIn(org.colleague, { goalType: 'key_result', goalId: org.krId, value: 5 })),
    ).toBe('forbidden');
    expect(
      await codeOf(s.checkIns.checkIn(org.viewer, { goalType: 'key_result', goalId: org.krId, value: 5 })),
    ).toBe('forbidden');
    expect(
      await codeOf(s.smartGoals.update(org.colleague, unitGoalId, { version: 1, title: 'Mine now' })),
    ).toBe('forbidden');
    expect(
      await codeOf(s.smartGoals.update(org.lead, unitGoalId, { version: 1, title: 'Publish the runbook' })),
    ).toBe('ok');
    expect(
      await codeOf(
        s.objectives.create(org.colleague, {
          cycleId: org.cycleId,
          title: 'Team objective',
          unitId: org.teamId,
        }),
      ),
    ).toBe('ok');
    expect(
      await codeOf(
        s.objectives.create(org.colleague, { cycleId: org.cycleId, title: 'Company', unitId: org.companyId }),
      ),
    ).toBe('forbidden');
    expect(await codeOf(s.objectives.create(org.viewer, { cycleId: org.cycleId, title: 'Mine' }))).toBe(
      'forbidden',
    );
    expect(await codeOf(s.people.add(org.lead, { email: 'x@org.test', name: 'X' }))).toBe('forbidden');
  });

  it('nothing crosses workspaces', async () => {
    const other = await s.workspaces.create({
      name: 'Other',
      admin: { email: 'admin@other.test', name: 'Other admin' },
    });
    const stranger = {
      workspaceId: other.workspace.id,
      personId: other.adminId,
      actorType: 'person' as const,
      source: 'api' as const,
    };
    expect(await codeOf(s.reads.getObjective(stranger, org.objectiveId))).toBe('not_found');
    expect(await codeOf(s.reads.getSmartGoal(stranger, unitGoalId))).toBe('not_found');
    expect(
      await codeOf(s.checkIns.checkIn(stranger, { goalType: 'key_result', goalId: org.krId, value: 1 })),
    ).toBe('not_found');
    const spoofed = { ...org.admin, workspaceId: other.workspace.id };
    expect(await codeOf(s.reads.getObjective(spoofed, org.objectiveId))).toBe('unauthenticated');
  });
});
