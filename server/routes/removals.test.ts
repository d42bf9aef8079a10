import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsed, sessionFrom, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { objectiveSchema, smartGoalSchema } from './schemas';

describeEachDialect('removing and moving goals, units and people', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  let member: { bearer: string };
  beforeAll(async () => {
    api = await testApi(dialect, { at: Date.UTC(2026, 9, 20) });
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    member = await api.tokenFor(org.member);
    await api.deps.services.webhooks.create(org.admin, { url: 'https://hooks.example.com/all' });
  });
  afterAll(() => api.dispose());

  const s = () => api.deps.services;
  const storedScore = async (table: 'objectives' | 'keyResults', id: string) =>
    (
      await api.test.db.kysely
        .selectFrom(table)
        .select('score')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).score;
  const deliveryTypes = async () =>
    (await api.test.db.kysely.selectFrom('webhookDeliveries').select('payload').execute()).map(
      (d) => (JSON.parse(d.payload) as { type: string }).type,
    );

  it('deletes an objective made by mistake: its KRs go, its children lose their links, its parent is recomputed', async () => {
    const team = await s().objectives.create(org.member, {
      cycleId: org.cycleId,
      unitId: org.teamId,
      title: 'Ship the wrong thing by mistake',
    });
    const teamKr = await s().keyResults.create(org.member, {
      objectiveId: team.id,
      title: 'Raise the wrong number from 0 to 10',
      measure: { type: 'increase', start: 0, target: 10 },
    });
    await s().alignments.align(org.member, {
      childType: 'objective',
      childId: team.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
    });
    const goal = await s().smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Write the runbook for the wrong thing',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
      supports: [{ type: 'key_result', id: teamKr.id }],
    });
    await api.test.db.kysely
      .updateTable('keyResults')
      .set({ score: 0.5 })
      .where('id', '=', org.alignedKrId)
      .execute();

    const answer = await api.call('DELETE', `/api/v1/objectives/${team.id}`, { as: member });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: team.id,
      type: 'objective',
      keyResults: [teamKr.id],
      objectiveId: null,
      links: 2,
      checkIns: 0,
    });
    expect((await api.call('GET', `/api/v1/objectives/${team.id}`, { as: member })).status).toBe(404);
    expect((await api.call('GET', `/api/v1/key-results/${teamKr.id}`, { as: member })).status).toBe(404);
    const child = parsed(
      smartGoalSchema,
      (await api.call('GET', `/api/v1/smart-goals/${goal.id}`, { as: member })).body,
    );
    expect(child.supports).toEqual([]);
    expect(await storedScore('keyResults', org.alignedKrId)).toBe(0);
    const history = await api.test.db.kysely
      .selectFrom('events')
      .select(['entityType', 'action'])
      .where('entityId', 'in', [team.id, teamKr.id])
      .where('action', '=', 'deleted')
      .execute();
    expect(history.map((e) => e.entityType).sort()).toEqual(['key_result', 'objective']);
    expect(await deliveryTypes()).toEqual(
      expect.arrayContaining(['objective.deleted', 'key_result.deleted']),
    );
  });

  it('refuses to delete a goal with check-ins unless an admin asks; the owner drops it instead', async () => {
    const goal = await s().smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Pass the security review',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
    });
    await s().checkIns.checkIn(org.member, { goalType: 'smart_goal', goalId: goal.id, done: false });
    const refused = await api.call('DELETE', `/api/v1/smart-goals/${goal.id}`, { as: member });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('has_check_ins');
    expect(refused.body.error.message).toContain('drop it instead');
    const dropped = await api.call('PATCH', `/api/v1/smart-goals/${goal.id}`, {
      as: member,
      body: { version: 1, state: 'dropped' },
    });
    expect(dropped.status).toBe(200);
    expect(dropped.body.state).toBe('dropped');
    const byAdmin = await api.call('DELETE', `/api/v1/smart-goals/${goal.id}`, { as: admin });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.checkIns).toBe(1);
    const left = await api.test.db.kysely
      .selectFrom('checkIns')
      .select('id')
      .where('goalId', '=', goal.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('deletes a KR and recomputes its objective', async () => {
    await s().checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 40 });
    const extra = await s().keyResults.create(org.admin, {
      objectiveId: org.objectiveId,
      title: 'Reach 100 of something from 0',
      measure: { type: 'increase', start: 0, target: 100 },
      ownerId: org.member.personId,
    });
    const before = await storedScore('objectives', org.objectiveId);
    const answer = await api.call('DELETE', `/api/v1/key-results/${extra.id}`, { as: member });
    expect(answer.status).toBe(200);
    expect(answer.body.objectiveId).toBe(org.objectiveId);
    expect(await storedScore('objectives', org.objectiveId)).toBeGreaterThan(before!);
  });

  it('deleting a KR on an objective its owner may not see does not name that objective', async () => {
    const hidden = await s().objectives.create(org.lead, {
      cycleId: org.cycleId,
      unitId: org.teamId,
      title: 'Quietly prepare the reorganisation',
      visibility: 'private',
    });
    const kr = await s().keyResults.create(org.lead, {
      objectiveId: hidden.id,
      title: 'Raise the share of roles mapped from 0% to 100%',
      measure: { type: 'increase', start: 0, target: 100, unit: '%' },
      ownerId: org.colleague.personId,
    });
    const colleague = await api.tokenFor(org.colleague);
    expect((await api.call('GET', `/api/v1/objectives/${hidden.id}`, { as: colleague })).status).toBe(404);
    const answer = await api.call('DELETE', `/api/v1/key-results/${kr.id}`, { as: colleague });
    expect(answer.status).toBe(200);
    expect(answer.body.objectiveId).toBeNull();
    expect(JSON.stringify(answer.body)).not.toContain(hidden.id);
  });

  it('moves a KR to another objective: both recomputed, the event recorded, the version checked', async () => {
    const target = await s().objectives.create(org.member, {
      cycleId: org.cycleId,
      unitId: org.teamId,
      title: 'Make onboarding effortless for teams',
    });
    const kr = await s().keyResults.create(org.admin, {
      objectiveId: org.objectiveId,
      title: 'Increase activated teams from 0 to 10',
      measure: { type: 'increase', start: 0, target: 10 },
      ownerId: org.member.personId,
    });
    await s().checkIns.checkIn(org.member, { goalType: 'key_result', goalId: kr.id, value: 10 });
    const sourceBefore = await storedScore('objectives', org.objectiveId);
    const stale = await api.call('POST', `/api/v1/key-results/${kr.id}/move`, {
      as: member,
      body: { version: 99, objectiveId: target.id },
    });
    expect(stale.status).toBe(409);
    const { version } = (await api.call('GET', `/api/v1/key-results/${kr.id}`, { as: member })).body;
    const moved = await api.call('POST', `/api/v1/key-results/${kr.id}/move`, {
      as: member,
      body: { version, objectiveId: target.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ objectiveId: target.id, version: version + 1 });
    expect(await storedScore('objectives', target.id)).toBe(1);
    expect(await storedScore('objectives', org.objectiveId)).toBeLessThan(sourceBefore!);
    const o = parsed(
      objectiveSchema,
      (await api.call('GET', `/api/v1/objectives/${target.id}`, { as: member })).body,
    );
    expect(o.keyResults.map((k) => k.id)).toEqual([kr.id]);
    expect(await deliveryTypes()).toContain('key_result.moved');
    const unknown = await api.call('POST', `/api/v1/key-results/${kr.id}/move`, {
      as: member,
      body: { version: version + 1, objectiveId: 'nope' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].path).toBe('objectiveId');
  });

  it('refuses to move a KR below a goal aligned to it (a cycle)', async () => {
    const child = await s().objectives.create(org.member, {
      cycleId: org.cycleId,
      unitId: org.teamId,
      title: 'Land the team goals for the quarter',
    });
    await s().alignments.align(org.member, {
      childType: 'objective',
      childId: child.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
    });
    const aligned = await s().reads.getKeyResult(org.admin, org.alignedKrId);
    const answer = await api.call('POST', `/api/v1/key-results/${org.alignedKrId}/move`, {
      as: admin,
      body: { version: aligned.version, objectiveId: child.id },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('cycle');
  });

  it('removes an empty unit; one that is not empty is a 409 saying what is left', async () => {
    const full = await api.call('DELETE', `/api/v1/units/${org.teamId}`, { as: admin });
    expect(full.status).toBe(409);
    expect(full.body.error.details).toMatchObject({ reason: 'not_empty', people: 3 });
    expect(full.body.error.message).toContain('3 people');
    const empty = await s().units.create(org.admin, { name: 'Typo', parentId: org.companyId });
    expect((await api.call('DELETE', `/api/v1/units/${empty.id}`, { as: admin })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/units/${empty.id}`, { as: admin })).status).toBe(404);
    const company = await api.call('DELETE', `/api/v1/units/${org.companyId}`, { as: admin });
    expect(company.body.error.details.units).toBeGreaterThan(0);
  });

  it('deactivates a person: no sign-in, no tokens, goals kept with a former-owner marker; reactivates', async () => {
    const leaver = await s().people.add(org.admin, { email: 'leaver@org.test', name: 'Leaver' });
    await s().units.setMember(org.admin, org.teamId, { personId: leaver.id });
    const invite = await api.call('POST', '/api/v1/invitations', {
      as: admin,
      body: { personId: leaver.id },
    });
    const password = 'a long enough password';
    const accepted = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invite.body.token, password },
    });
    const session = sessionFrom(accepted);
    const token = await api.call('POST', '/api/v1/tokens', { as: session, body: { name: 'script' } });
    const bearer = { bearer: token.body.token as string };
    const goal = await api.call('POST', '/api/v1/smart-goals', {
      as: bearer,
      body: {
        cycleId: org.cycleId,
        title: 'Document the deployment steps',
        startDate: '2026-10-01',
        dueDate: '2026-11-30',
        measure: { type: 'boolean' },
      },
    });
    expect(goal.status).toBe(201);
    expect(goal.body.hasFormerOwner).toBeUndefined();

    const self = await api.call('POST', `/api/v1/people/${org.admin.personId}/deactivate`, { as: admin });
    expect(self.status).toBe(409);
    const off = await api.call('POST', `/api/v1/people/${leaver.id}/deactivate`, { as: admin });
    expect(off.status).toBe(200);
    expect(off.body.isActive).toBe(false);
    expect((await api.call('GET', '/api/v1/auth/me', { as: session })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/workspace', { as: bearer })).status).toBe(401);
    const signIn = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: 'leaver@org.test', password },
    });
    expect(signIn.status).toBe(401);
    const kept = parsed(
      smartGoalSchema,
      (await api.call('GET', `/api/v1/smart-goals/${goal.body.id}`, { as: admin })).body,
    );
    expect(kept).toMatchObject({ ownerId: leaver.id, hasFormerOwner: true });

    const on = await api.call('POST', `/api/v1/people/${leaver.id}/reactivate`, { as: admin });
    expect(on.body.isActive).toBe(true);
    const back = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: 'leaver@org.test', password },
    });
    expect(back.status).toBe(200);
    expect((await api.call('GET', '/api/v1/workspace', { as: bearer })).status).toBe(401);
    const again = (await api.call('GET', `/api/v1/smart-goals/${goal.body.id}`, { as: admin })).body;
    expect(again.hasFormerOwner).toBe(false);
  });
});
