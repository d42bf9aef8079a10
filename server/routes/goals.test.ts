import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsed, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import {
  checkInResultSchema,
  dashboardSchema,
  eventSchema,
  keyResultSchema,
  objectiveRecordSchema,
  objectiveSchema,
  smartGoalSchema,
  unitPageSchema,
} from './schemas';

describeEachDialect('HTTP resources: goals, check-ins, dashboards, coach', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  let member: { bearer: string };
  let viewer: { bearer: string };
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    member = await api.tokenFor(org.member);
    viewer = await api.tokenFor(org.viewer);
  });
  afterAll(() => api.dispose());

  it('creates objectives, KRs and SMART goals, edits them with versions, and lists with filters', async () => {
    const objective = await api.call('POST', '/api/v1/objectives', {
      as: member,
      body: {
        cycleId: org.cycleId,
        unitId: org.teamId,
        title: 'Make onboarding effortless',
        kind: 'committed',
      },
    });
    expect(objective.status).toBe(201);
    const o = parsed(objectiveRecordSchema, objective.body);
    const kr = await api.call('POST', '/api/v1/key-results', {
      as: member,
      body: {
        objectiveId: o.id,
        title: 'Reduce time to first value from 12 to 3 days',
        measure: { type: 'decrease', start: 12, target: 3, unit: 'days' },
      },
    });
    expect(kr.status).toBe(201);
    const wrongSide = await api.call('POST', '/api/v1/key-results', {
      as: member,
      body: { objectiveId: o.id, title: 'Bad', measure: { type: 'increase', start: 10, target: 5 } },
    });
    expect(wrongSide.status).toBe(400);
    const edited = await api.call('PATCH', `/api/v1/objectives/${o.id}`, {
      as: member,
      body: { version: o.version, title: 'Make onboarding effortless for everyone' },
    });
    expect(edited.body.version).toBe(o.version + 1);
    const stale = await api.call('PATCH', `/api/v1/objectives/${o.id}`, {
      as: member,
      body: { version: o.version, title: 'Lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentVersion).toBe(o.version + 1);
    const krStale = await api.call('PATCH', `/api/v1/key-results/${kr.body.id}`, {
      as: member,
      body: { version: 99, weight: 2 },
    });
    expect(krStale.status).toBe(409);
    const krEdit = await api.call('PATCH', `/api/v1/key-results/${kr.body.id}`, {
      as: member,
      body: { version: 1, weight: 2 },
    });
    expect(krEdit.body.weight).toBe(2);
    const goal = await api.call('POST', '/api/v1/smart-goals', {
      as: member,
      body: {
        cycleId: org.cycleId,
        title: 'Ship the new welcome checklist',
        startDate: '2026-10-01',
        dueDate: '2026-11-15',
        measure: { type: 'milestones', milestones: [{ name: 'Draft' }, { name: 'Ship' }] },
        supports: [{ type: 'key_result', id: kr.body.id }],
      },
    });
    expect(goal.status).toBe(201);
    const badDates = await api.call('POST', '/api/v1/smart-goals', {
      as: member,
      body: { cycleId: org.cycleId, title: 'Backwards', startDate: '2026-11-01', dueDate: '2026-10-01' },
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.details.issues[0].path).toBe('dueDate');
    const goalEdit = await api.call('PATCH', `/api/v1/smart-goals/${goal.body.id}`, {
      as: member,
      body: { version: 1, visibility: 'unit' },
    });
    expect(goalEdit.body.visibility).toBe('unit');

    const one = parsed(
      objectiveSchema,
      (await api.call('GET', `/api/v1/objectives/${o.id}`, { as: viewer })).body,
    );
    expect(one.keyResults.map((k) => k.title)).toEqual(['Reduce time to first value from 12 to 3 days']);
    parsed(
      keyResultSchema,
      (await api.call('GET', `/api/v1/key-results/${kr.body.id}`, { as: viewer })).body,
    );
    parsed(
      smartGoalSchema,
      (await api.call('GET', `/api/v1/smart-goals/${goal.body.id}`, { as: member })).body,
    );

    const team = await api.call('GET', `/api/v1/objectives?cycle=${org.cycleId}&unit=${org.teamId}`, {
      as: viewer,
    });
    expect(team.body.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        `/api/v1/objectives?cycle=${org.cycleId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { as: viewer },
      );
      all.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.sort()).toEqual([org.objectiveId, o.id].sort());
    const mine = await api.call('GET', `/api/v1/smart-goals?owner=${org.member.personId}`, { as: member });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(goal.body.id);
    const badFilter = await api.call('GET', '/api/v1/objectives?status=great&limit=0', { as: viewer });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'query.limit',
      'query.status',
    ]);
  });

  it('checks in once per Idempotency-Key, in batches all or nothing, and keeps the history', async () => {
    const body = { goalType: 'key_result', goalId: org.krId, value: 40, confidence: 7 };
    const first = await api.call('POST', '/api/v1/check-ins', {
      as: member,
      body,
      headers: { 'Idempotency-Key': 'weekly-1' },
    });
    expect(first.status).toBe(201);
    const r = parsed(checkInResultSchema, first.body);
    expect(r.goal.score).toBeCloseTo(0.4, 12);
    const retry = await api.call('POST', '/api/v1/check-ins', {
      as: member,
      body: { ...body, value: 41 },
      headers: { 'Idempotency-Key': 'weekly-1' },
    });
    expect(retry.body.checkIn.id).toBe(r.checkIn.id);
    expect(retry.body.checkIn.value).toBe(40);
    const mismatch = await api.call('POST', '/api/v1/check-ins', {
      as: member,
      body: { ...body, idempotencyKey: 'other' },
      headers: { 'Idempotency-Key': 'weekly-1' },
    });
    expect(mismatch.status).toBe(400);
    const someoneElses = await api.call('POST', '/api/v1/check-ins', {
      as: admin,
      body,
      headers: { 'Idempotency-Key': 'weekly-1' },
    });
    expect(someoneElses.status).toBe(409);
    const noValue = await api.call('POST', '/api/v1/check-ins', {
      as: member,
      body: { goalType: 'key_result', goalId: org.krId },
    });
    expect(noValue.status).toBe(400);
    expect(noValue.body.error.details.issues[0].path).toBe('value');
    const batch = await api.call('POST', '/api/v1/check-ins/batch', {
      as: member,
      body: {
        items: [
          { goalType: 'key_result', goalId: org.krId, value: 55 },
          { goalType: 'key_result', goalId: 'nope', value: 1 },
        ],
      },
    });
    expect(batch.status).toBe(404);
    const good = await api.call('POST', '/api/v1/check-ins/batch', {
      as: member,
      body: { items: [{ goalType: 'key_result', goalId: org.krId, value: 55, note: 'two launches landed' }] },
    });
    expect(good.status).toBe(201);
    expect(good.body.items[0].goal.score).toBeCloseTo(0.55, 12);
    const list = await api.call('GET', `/api/v1/check-ins?goalType=key_result&goalId=${org.krId}`, {
      as: viewer,
    });
    expect(list.body.items.map((c: { value: number }) => c.value)).toEqual([40, 55]);
    const kr = parsed(
      keyResultSchema,
      (await api.call('GET', `/api/v1/key-results/${org.krId}`, { as: viewer })).body,
    );
    expect(kr.latestValue).toBe(55);
    const events = await api.call('GET', `/api/v1/events?goalType=key_result&goalId=${org.krId}`, {
      as: viewer,
    });
    expect(events.status).toBe(200);
    const entries = events.body.items.map((e: unknown) => parsed(eventSchema, e));
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['created', 'checked_in', 'checked_in']);
    // The check-ins name the member's API token; the goal was made through the services, with none.
    const [token] = (await api.call('GET', '/api/v1/tokens', { as: member })).body.items as { id: string }[];
    expect(entries.map((e: { actorTokenId: string | null }) => e.actorTokenId)).toEqual([
      null,
      token!.id,
      token!.id,
    ]);
  });

  it('aligns and unaligns goals; refuses cycles', async () => {
    const child = await api.call('POST', '/api/v1/objectives', {
      as: org.lead === undefined ? admin : await api.tokenFor(org.lead),
      body: { cycleId: org.cycleId, unitId: org.teamId, title: 'Team lands its part' },
    });
    const linked = await api.call('POST', '/api/v1/alignments', {
      as: admin,
      body: {
        childType: 'objective',
        childId: child.body.id,
        parentType: 'key_result',
        parentId: org.alignedKrId,
      },
    });
    expect(linked.status).toBe(200);
    const kr = await api.call('GET', `/api/v1/key-results/${org.alignedKrId}`, { as: viewer });
    expect(kr.body.children.map((c: { id: string }) => c.id)).toContain(child.body.id);
    const loop = await api.call('POST', '/api/v1/alignments', {
      as: admin,
      body: {
        childType: 'objective',
        childId: org.objectiveId,
        parentType: 'objective',
        parentId: child.body.id,
      },
    });
    expect(loop.status).toBe(400);
    const unlinked = await api.call(
      'DELETE',
      `/api/v1/alignments?childType=objective&childId=${child.body.id}&parentId=${org.alignedKrId}`,
      { as: admin },
    );
    expect(unlinked.status).toBe(200);
    const again = await api.call(
      'DELETE',
      `/api/v1/alignments?childType=objective&childId=${child.body.id}&parentId=${org.alignedKrId}`,
      { as: admin },
    );
    expect(again.status).toBe(404);
  });

  it('serves the company dashboard and unit pages', async () => {
    const dashboard = await api.call('GET', `/api/v1/dashboard?cycle=${org.cycleId}`, { as: viewer });
    expect(dashboard.status).toBe(200);
    const d = parsed(dashboardSchema, dashboard.body);
    expect(d.company.map((o) => o.id)).toEqual([org.objectiveId]);
    const page = await api.call('GET', `/api/v1/dashboard/units/${org.teamId}?cycle=${org.cycleId}`, {
      as: member,
    });
    parsed(unitPageSchema, page.body);
    // Without a cycle: the active one.
    const active = await api.call('GET', '/api/v1/dashboard', { as: viewer });
    expect(parsed(dashboardSchema, active.body).cycle.id).toBe(org.cycleId);
    expect((await api.call('GET', '/api/v1/dashboard?cycle=nope', { as: viewer })).status).toBe(400);
  });

  it('lints goals sent in the body and answers the advisor', async () => {
    const yaml = [
      'version: 1',
      'cycle: 2026-Q4',
      'objectives:',
      '  - key: grow',
      '    title: Launch 3 new features',
      '    unit: company',
      '    key_results:',
      '      - key: k1',
      '        title: Improve things',
    ].join('\n');
    const res = await api.call('POST', '/api/v1/coach/lint', { as: viewer, body: { yaml } });
    expect(res.status).toBe(200);
    const rules = res.body.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('objective-has-metric');
    expect(res.body.summary.goals).toBeGreaterThan(0);
    const broken = await api.call('POST', '/api/v1/coach/lint', {
      as: viewer,
      body: { yaml: 'version: 1\ncycle: [' },
    });
    expect(broken.status).toBe(400);
    const neither = await api.call('POST', '/api/v1/coach/lint', { as: viewer, body: {} });
    expect(neither.status).toBe(400);
    const advice = await api.call('POST', '/api/v1/advisor', {
      as: viewer,
      body: { statement: 'Pass the AWS certification exam by March', level: 'individual' },
    });
    expect(advice.status).toBe(200);
    expect(advice.body.recommendation).toBe('smart');
  });

  it('closes a cycle only when every note is given, listing what is missing, then reopens it', async () => {
    const close = await api.call('POST', `/api/v1/cycles/${org.cycleId}/close`, { as: admin, body: {} });
    expect(close.status).toBe(400);
    expect(close.body.error.details.issues.length).toBeGreaterThan(0);
    const asMember = await api.call('POST', `/api/v1/cycles/${org.cycleId}/close`, { as: member, body: {} });
    expect(asMember.status).toBe(403);
    const reopen = await api.call('POST', `/api/v1/cycles/${org.cycleId}/reopen`, {
      as: admin,
      body: { reason: 'x' },
    });
    expect(reopen.status).toBe(409);
  });
});
