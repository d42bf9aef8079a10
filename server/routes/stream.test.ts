import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionFrom, type TestApi, testApi } from '../app/test-client';
import { defineJob } from '../jobs/job';
import { JobRunner } from '../jobs/runner';
import { serviceDeps } from '../services/context';
import { createServices } from '../services/index';
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

/** Whether a stream ends (its reader reports done) within `ms`. */
async function endsWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (chunk?.done) return true;
  }
  await reader.cancel();
  return false;
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

  /** Opens a stream, runs `change` once it is ready, and returns what the stream told (ids and actions). */
  async function heardAfter(bearer: string, change: () => Promise<void>): Promise<string[]> {
    const stream = await api.app.request('/api/v1/stream', {
      headers: { Authorization: `Bearer ${bearer}` },
    });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (marker: string) => {
      const deadline = Date.now() + 20_000;
      while (!text.includes(marker) && Date.now() < deadline) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      expect(text).toContain(marker);
    };
    await until('event: ready');
    await change();
    // Every stream hears a workspace notice: read up to one published after the change.
    const sentinel = `end-${Math.random()}`;
    api.deps.bus.publish({
      workspaceId: org.workspaceId,
      entityType: 'workspace',
      entityId: sentinel,
      action: 'marked',
      at: Date.now(),
    });
    await until(sentinel);
    await reader.cancel();
    return text
      .split('\n\n')
      .filter((block) => block.includes('event: change'))
      .map((block) => JSON.parse(/data: (.*)/.exec(block)![1]!) as { entityId: string; action: string })
      .filter((e) => e.entityId !== sentinel)
      .map((e) => `${e.entityId} ${e.action}`);
  }

  // Notices come from the services, after their transaction commits: whatever made the change.
  it('tells open streams of an import, and nothing of a dry run (rolled back)', async () => {
    const admin = await api.tokenFor(org.admin);
    const file = `version: 1
cycle: 2026-Q4
smart_goals:
  - key: live-import
    title: Ship the imported reminder bot to every repository
    owner: member@org.test
    measure: { type: boolean }
    due: 2026-11-30
`;
    const run = (dryRun: boolean) =>
      api.deps.services.imports.goalsFiles(org.admin, { files: [{ name: 'g.yaml', text: file }], dryRun });
    const dry = await heardAfter(admin.bearer, async () => {
      expect((await run(true)).problems).toEqual([]);
    });
    expect(dry).toEqual([]);
    const heard = await heardAfter(admin.bearer, async () => {
      expect((await run(false)).problems).toEqual([]);
    });
    const goal = await api.deps.db.kysely
      .selectFrom('smartGoals')
      .select('id')
      .where('title', '=', 'Ship the imported reminder bot to every repository')
      .executeTakeFirstOrThrow();
    expect(heard).toContain(`${goal.id} created`);
  });

  it('tells open streams of a change a job made, and of a correction as a correction', async () => {
    const goal = await api.deps.services.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Run the quarterly dependency upgrade job',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
    });
    const deps = { ...serviceDeps(api.deps.db, api.clock), notices: api.deps.bus };
    const job = defineJob({
      id: 'test.check-in',
      version: 1,
      input: z.object({ goalId: z.string() }),
      handler: async (input, context) => {
        await createServices(context.deps).checkIns.checkIn(org.member, {
          goalType: 'smart_goal',
          goalId: input.goalId,
          done: true,
        });
      },
    });
    const runner = new JobRunner(deps, [job], { node: `stream-${dialect}` });
    const viewer = await api.tokenFor(org.viewer);
    const heard = await heardAfter(viewer.bearer, async () => {
      await runner.enqueue(job, { goalId: goal.id });
      expect(await runner.drain()).toBe(1);
    });
    expect(heard).toEqual([`${goal.id} checked_in`]);
    const [first] = await api.deps.db.kysely
      .selectFrom('checkIns')
      .select('id')
      .where('goalId', '=', goal.id)
      .execute();
    const corrected = await heardAfter(viewer.bearer, async () => {
      await api.deps.services.checkIns.checkIn(org.member, {
        goalType: 'smart_goal',
        goalId: goal.id,
        done: false,
        corrects: first!.id,
      });
    });
    expect(corrected).toEqual([`${goal.id} check_in_corrected`]);
  });

  it("stops telling of a KR's check-ins as soon as its objective is made private", async () => {
    const objective = await api.deps.services.objectives.create(org.admin, {
      cycleId: org.cycleId,
      title: 'Make onboarding self-serve',
      unitId: org.teamId,
      leadId: org.lead.personId,
    });
    const kr = await api.deps.services.keyResults.create(org.admin, {
      objectiveId: objective.id,
      title: 'Cut time to first value from 10 to 2 days',
      measure: { type: 'decrease', start: 10, target: 2 },
      ownerId: org.member.personId,
    });
    const [viewer, member] = [await api.tokenFor(org.viewer), await api.tokenFor(org.member)];
    const checkIn = (value: number) =>
      api.call('POST', '/api/v1/check-ins', {
        as: member,
        body: { goalType: 'key_result', goalId: kr.id, value },
      });
    const heard = await heardAfter(viewer.bearer, async () => {
      await checkIn(8);
      const made = await api.call('PATCH', `/api/v1/objectives/${objective.id}`, {
        as: await api.tokenFor(org.admin),
        body: { version: objective.version, visibility: 'private' },
      });
      expect(made.status).toBe(200);
      await checkIn(6);
      await checkIn(5);
    });
    expect(heard).toEqual([`${kr.id} checked_in`]);
  });

  it("follows a change of the viewer's units and role at once", async () => {
    const admin = await api.tokenFor(org.admin);
    const unitGoal = await api.deps.services.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Document the release checklist',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
      visibility: 'unit',
      unitId: org.teamId,
    });
    const privateGoal = await api.deps.services.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Prepare for the architecture interview',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
      visibility: 'private',
    });
    const member = await api.tokenFor(org.member);
    const checkIn = (goalId: string, done: boolean) =>
      api.call('POST', '/api/v1/check-ins', { as: member, body: { goalType: 'smart_goal', goalId, done } });
    const colleague = await api.tokenFor(org.colleague);
    const heardByColleague = await heardAfter(colleague.bearer, async () => {
      await checkIn(unitGoal.id, false);
      const removed = await api.call(
        'DELETE',
        `/api/v1/units/${org.teamId}/members/${org.colleague.personId}`,
        {
          as: admin,
        },
      );
      expect(removed.status).toBe(200);
      await checkIn(unitGoal.id, true);
    });
    expect(heardByColleague.filter((e) => e.startsWith(unitGoal.id))).toEqual([`${unitGoal.id} checked_in`]);
    const promoted = await api.deps.services.people.add(org.admin, {
      email: 'acting-admin@org.test',
      name: 'Acting admin',
      role: 'admin',
    });
    const acting = { ...org.admin, personId: promoted.id };
    const heardByActing = await heardAfter((await api.tokenFor(acting)).bearer, async () => {
      await checkIn(privateGoal.id, false);
      const demoted = await api.call('PATCH', `/api/v1/people/${promoted.id}`, {
        as: admin,
        body: { role: 'member' },
      });
      expect(demoted.status).toBe(200);
      await checkIn(privateGoal.id, true);
    });
    expect(heardByActing.filter((e) => e.startsWith(privateGoal.id))).toEqual([
      `${privateGoal.id} checked_in`,
    ]);
  });

  it('ends a stream at once when its token is revoked, its session signs out or its person is deactivated, not at the heartbeat', async () => {
    api.deps.streamHeartbeatMs = 60_000;
    try {
      const created = await api.deps.tokens.create(org.viewer, { name: 'revoked' });
      const byToken = await api.app.request('/api/v1/stream', {
        headers: { Authorization: `Bearer ${created.token}` },
      });
      const reader = byToken.body!.getReader();
      await reader.read();
      const other = await api.tokenFor(org.viewer);
      const revoked = await api.call('DELETE', `/api/v1/tokens/${created.id}`, { as: other });
      expect(revoked.status).toBe(200);
      expect(await endsWithin(reader, 5000)).toBe(true);

      const accounts = await testApi(dialect);
      try {
        accounts.deps.streamHeartbeatMs = 60_000;
        const signup = await accounts.call('POST', '/api/v1/auth/signup', {
          body: {
            email: 'maria@acme.test',
            password: 'correct horse battery',
            name: 'Maria',
            workspaceName: 'Acme',
          },
        });
        const session = sessionFrom(signup);
        const bySession = await accounts.app.request('/api/v1/stream', {
          headers: { Cookie: `tandem_session=${session.cookie}` },
        });
        expect(bySession.status).toBe(200);
        const sessionReader = bySession.body!.getReader();
        await sessionReader.read();
        expect((await accounts.call('POST', '/api/v1/auth/signout', { as: session })).status).toBe(200);
        expect(await endsWithin(sessionReader, 5000)).toBe(true);

        const leaving = await api.deps.services.people.add(org.admin, {
          email: 'leaving@org.test',
          name: 'Leaving',
          role: 'member',
        });
        const byLeaving = await api.app.request('/api/v1/stream', {
          headers: {
            Authorization: `Bearer ${(await api.tokenFor({ ...org.viewer, personId: leaving.id })).bearer}`,
          },
        });
        const leavingReader = byLeaving.body!.getReader();
        await leavingReader.read();
        const deactivated = await api.call('PATCH', `/api/v1/people/${leaving.id}`, {
          as: await api.tokenFor(org.admin),
          body: { isActive: false },
        });
        expect(deactivated.status).toBe(200);
        expect(await endsWithin(leavingReader, 5000)).toBe(true);
      } finally {
        await accounts.dispose();
      }
    } finally {
      api.deps.streamHeartbeatMs = 100;
    }
  });

  it('refuses anonymous listeners', async () => {
    const res = await api.app.request('/api/v1/stream');
    expect(res.status).toBe(401);
  });
});
