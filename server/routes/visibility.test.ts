import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import type { Actor } from '../services/context';
import { describeEachDialect } from '../test/databases';
import { actorFor } from '../test/scenario';

/**
 * Nothing past a goal's visibility (SPEC 8), through any read: a workspace with workspace, unit
 * and private goals linked across visibility is read through every GET endpoint of the OpenAPI
 * document, every list with its filters, every count, the events feed and the live stream, as
 * each kind of principal; no response may hold the id or title of a goal that principal may not
 * see. A new GET endpoint fails the coverage check below until it is read here.
 */

type Who = 'admin' | 'owner' | 'manager' | 'lead' | 'deptLead' | 'other' | 'viewer' | 'token';

interface Goal {
  key: string;
  type: 'objective' | 'key_result' | 'smart_goal';
  id: string;
  title: string;
  /** Who may see it (by the rules of SPEC 8, written out by hand). */
  seenBy: readonly Who[];
}

const EVERYONE: readonly Who[] = [
  'admin',
  'owner',
  'manager',
  'lead',
  'deptLead',
  'other',
  'viewer',
  'token',
];
const TEAM_A: readonly Who[] = ['admin', 'owner', 'lead', 'deptLead'];
const PRIVATE: readonly Who[] = ['admin', 'owner', 'manager', 'lead', 'deptLead'];

/** Reading everything as eight principals takes a while on a loaded machine. */
const READ_TIMEOUT_MS = 180_000;

/** The GET paths of the API this test reads (every one in the OpenAPI document must be here). */
const READ_PATHS = new Set([
  '/api/health',
  '/api/v1/auth/signup',
  '/api/v1/auth/me',
  '/api/v1/workspace',
  '/api/v1/people',
  '/api/v1/people/{id}',
  '/api/v1/units',
  '/api/v1/units/{id}',
  '/api/v1/cycles',
  '/api/v1/cycles/{id}',
  '/api/v1/key-results',
  '/api/v1/alignment',
  '/api/v1/check-ins/due',
  '/api/v1/objectives',
  '/api/v1/objectives/{id}',
  '/api/v1/key-results/{id}',
  '/api/v1/smart-goals',
  '/api/v1/smart-goals/{id}',
  '/api/v1/check-ins',
  '/api/v1/events',
  '/api/v1/dashboard',
  '/api/v1/dashboard/units/{id}',
  '/api/v1/cycles/{id}/report',
  '/api/v1/cycles/{id}/export',
  '/api/v1/export',
  '/api/v1/cycles/{id}/goal-keys',
  '/api/v1/coach/findings',
  '/api/v1/calibration',
  '/api/v1/tokens',
  '/api/v1/webhooks',
  '/api/v1/webhooks/{id}',
  '/api/v1/webhooks/{id}/deliveries',
  '/api/v1/chat-webhooks',
  '/api/v1/calendar/{secret}.ics',
  '/api/v1/people/me/notifications',
  '/api/v1/notifications',
  '/api/v1/stream',
]);

/** What in a text names a goal the principal may not see. */
function leaksIn(text: string, hidden: readonly Goal[]): string[] {
  return hidden.flatMap((g) =>
    text.includes(g.id) || text.includes(g.title) ? [`${g.key} (${g.type} ${g.id})`] : [],
  );
}

/** Reads a server-sent event stream: `until` collects text until a marker appears (or the time is up). */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    async until(marker: string, ms: number): Promise<string> {
      const deadline = Date.now() + ms;
      while (!text.includes(marker) && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()))),
        ]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    },
    close: () => reader.cancel(),
  };
}

describeEachDialect('visibility through every read', (dialect) => {
  let api: TestApi;
  const as = {} as Record<Who, { bearer: string }>;
  const actors = {} as Record<Exclude<Who, 'token'>, Actor>;
  const goals: Goal[] = [];
  const goal = (key: string) => goals.find((g) => g.key === key)!;
  const ids: Record<string, string> = {};
  /** Each principal's calendar feed (the secret is the credential; it lists their own goals only). */
  const feeds = {} as Record<Who, string>;

  beforeAll(async () => {
    api = await testApi(dialect, { idPrefix: 'vis' });
    const s = api.deps.services;
    const { workspace, adminId } = await s.workspaces.create({
      name: 'Visible Org',
      admin: { email: 'admin@vis.test', name: 'Admin' },
    });
    const admin = actorFor(workspace.id, adminId);
    actors.admin = admin;
    const company = await s.units.create(admin, { name: 'Company' });
    const dept = await s.units.create(admin, { name: 'Product', parentId: company.id });
    const teamA = await s.units.create(admin, { name: 'Team A', parentId: dept.id });
    const teamB = await s.units.create(admin, { name: 'Team B', parentId: company.id });
    Object.assign(ids, { company: company.id, dept: dept.id, teamA: teamA.id, teamB: teamB.id });
    const person = async (name: string, role: 'member' | 'viewer', managerId?: string) =>
      actorFor(
        workspace.id,
        (await s.people.add(admin, { email: `${name}@vis.test`, name, role, managerId })).id,
      );
    actors.manager = await person('manager', 'member');
    actors.owner = await person('owner', 'member', actors.manager.personId);
    actors.lead = await person('lead', 'member');
    actors.deptLead = await person('deptlead', 'member');
    actors.other = await person('other', 'member');
    actors.viewer = await person('viewer', 'viewer');
    await s.units.setMember(admin, teamA.id, { personId: actors.owner.personId });
    await s.units.setMember(admin, teamA.id, { personId: actors.lead.personId, isLead: true });
    await s.units.setMember(admin, dept.id, { personId: actors.deptLead.personId, isLead: true });
    await s.units.setMember(admin, teamB.id, { personId: actors.manager.personId });
    await s.units.setMember(admin, teamB.id, { personId: actors.other.personId });
    await s.units.setMember(admin, teamB.id, { personId: actors.viewer.personId });
    for (const who of Object.keys(actors) as Exclude<Who, 'token'>[])
      as[who] = await api.tokenFor(actors[who]);
    as.token = await api.tokenFor(actors.other);
    for (const who of Object.keys(actors) as Exclude<Who, 'token'>[])
      feeds[who] = new URL((await s.calendarFeeds.create(actors[who], 'http://tandem.test')).url).pathname;
    feeds.token = feeds.other;
    const cycle = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    ids.cycle = cycle.id;

    const objective = async (key: string, seenBy: readonly Who[], input: Record<string, unknown>) => {
      const title = `${key} objective title`;
      const row = await s.objectives.create(admin, { cycleId: cycle.id, title, ...input });
      goals.push({ key, type: 'objective', id: row.id, title, seenBy });
      return row.id;
    };
    const keyResult = async (
      key: string,
      seenBy: readonly Who[],
      objectiveId: string,
      aligned = false,
      ownerId = actors.owner.personId,
    ) => {
      const title = `${key} key result title`;
      const row = await s.keyResults.create(admin, {
        objectiveId,
        title,
        ...(aligned
          ? { progressSource: 'aligned' }
          : { measure: { type: 'increase', start: 0, target: 100 }, ownerId }),
      });
      goals.push({ key, type: 'key_result', id: row.id, title, seenBy });
      return row.id;
    };
    const smartGoal = async (key: string, seenBy: readonly Who[], input: Record<string, unknown>) => {
      const title = `${key} SMART goal title`;
      const row = await s.smartGoals.create(admin, {
        cycleId: cycle.id,
        title,
        startDate: '2026-10-01',
        dueDate: '2026-12-15',
        measure: { type: 'increase', start: 0, target: 10 },
        ...input,
      });
      goals.push({ key, type: 'smart_goal', id: row.id, title, seenBy });
      return row.id;
    };

    // Company: workspace-wide, with an aligned KR that everything below rolls into.
    const w = await objective('W', EVERYONE, { unitId: company.id, leadId: adminId });
    const w1 = await keyResult('W1', EVERYONE, w, true);
    await keyResult('W2', EVERYONE, w);
    // Team A: a unit objective and a private one, both aligned up to the company's KR.
    const u = await objective('U', TEAM_A, {
      unitId: teamA.id,
      leadId: actors.lead.personId,
      visibility: 'unit',
    });
    const u1 = await keyResult('U1', TEAM_A, u);
    const p = await objective('P', PRIVATE, {
      unitId: teamA.id,
      leadId: actors.owner.personId,
      visibility: 'private',
    });
    const p1 = await keyResult('P1', PRIVATE, p);
    const p2 = await keyResult('P2', PRIVATE, p, true);
    // Owned by someone who may see this KR (it is theirs) but not the private objective it is in.
    await keyResult('P3', [...PRIVATE, 'other', 'token'], p, false, actors.other.personId);
    await s.alignments.align(admin, {
      childType: 'objective',
      childId: u,
      parentType: 'key_result',
      parentId: w1,
    });
    await s.alignments.align(admin, {
      childType: 'objective',
      childId: p,
      parentType: 'key_result',
      parentId: w1,
    });
    // A private SMART goal of the owner's, supporting the company's KR and the private one.
    await smartGoal('PS', PRIVATE, {
      ownerId: actors.owner.personId,
      visibility: 'private',
      supports: [{ type: 'key_result', id: w1 }],
    });
    // Team B: a public objective aligned under the private KR and the unit objective (the issue's
    // case), and a public SMART goal supporting the private KR.
    const v = await objective('V', EVERYONE, { unitId: teamB.id, leadId: actors.other.personId });
    await keyResult('V1', EVERYONE, v);
    await s.alignments.align(admin, {
      childType: 'objective',
      childId: v,
      parentType: 'key_result',
      parentId: p2,
    });
    await s.alignments.align(admin, {
      childType: 'objective',
      childId: v,
      parentType: 'objective',
      parentId: u,
    });
    await smartGoal('VS', EVERYONE, {
      ownerId: actors.other.personId,
      supports: [
        { type: 'key_result', id: p1 },
        { type: 'key_result', id: u1 },
      ],
    });
    // Check-ins on every measured goal, so that counts, scores and feeds have something in them.
    for (const g of goals.filter((x) => x.type === 'smart_goal' || /^[A-Z]+\d$/.test(x.key))) {
      if (g.type === 'key_result' && (g.key === 'W1' || g.key === 'P2')) continue;
      const goalType = g.type as 'key_result' | 'smart_goal';
      await s.checkIns.checkIn(admin, { goalType, goalId: g.id, value: 5, confidence: 7 });
    }
  });
  afterAll(() => api.dispose());

  const hiddenFrom = (who: Who) => goals.filter((g) => !g.seenBy.includes(who));
  const visibleTo = (who: Who) => goals.filter((g) => g.seenBy.includes(who));
  const principals = EVERYONE;

  /** Every GET the API has, with real ids, for one principal. */
  function readsFor(who: Who): string[] {
    const c = ids.cycle;
    const people = Object.values(actors).map((a) => a.personId);
    const units = [ids.company, ids.dept, ids.teamA, ids.teamB];
    const filters = [
      '',
      `?cycle=${c}`,
      ...units.map((u) => `?cycle=${c}&unit=${u}`),
      ...people.map((p) => `?owner=${p}`),
      ...['on_track', 'at_risk', 'off_track', 'stale', 'not_started'].map((st) => `?cycle=${c}&status=${st}`),
      '?state=active',
      '?state=open',
      '?limit=1',
    ];
    const paths = [
      '/api/health',
      '/api/v1/auth/signup',
      '/api/v1/auth/me',
      '/api/v1/workspace',
      '/api/v1/people',
      ...people.map((p) => `/api/v1/people/${p}`),
      '/api/v1/units',
      ...units.map((u) => `/api/v1/units/${u}`),
      '/api/v1/cycles',
      `/api/v1/cycles/${c}`,
      '/api/v1/cycles/active',
      ...filters.map((f) => `/api/v1/objectives${f}`),
      ...filters.map((f) => `/api/v1/key-results${f}`),
      `/api/v1/alignment?cycle=${c}`,
      ...units.map((u) => `/api/v1/alignment?cycle=${c}&unit=${u}`),
      '/api/v1/check-ins/due?person=me',
      ...people.map((p) => `/api/v1/check-ins/due?person=${p}`),
      ...filters.map((f) => `/api/v1/smart-goals${f}`),
      `/api/v1/dashboard?cycle=${c}`,
      ...units.map((u) => `/api/v1/dashboard/units/${u}?cycle=${c}`),
      ...units.map((u) => `/api/v1/calibration?unit=${u}`),
      ...people.map((p) => `/api/v1/calibration?person=${p}`),
      `/api/v1/cycles/${c}/report`,
      ...['yaml', 'csv', 'md'].map((f) => `/api/v1/cycles/${c}/export?format=${f}`),
      ...units.map((u) => `/api/v1/cycles/${c}/export?unit=${u}`),
      ...['yaml', 'csv', 'md'].map((f) => `/api/v1/export?format=${f}`),
      ...units.map((u) => `/api/v1/export?unit=${u}`),
      `/api/v1/cycles/${c}/goal-keys`,
      `/api/v1/coach/findings?cycle=${c}`,
      ...units.map((u) => `/api/v1/coach/findings?cycle=${c}&unit=${u}`),
      '/api/v1/tokens',
      '/api/v1/webhooks',
      '/api/v1/chat-webhooks',
      feeds[who],
    ];
    for (const g of visibleTo(who)) {
      const base = { objective: 'objectives', key_result: 'key-results', smart_goal: 'smart-goals' }[g.type];
      paths.push(`/api/v1/${base}/${g.id}`, `/api/v1/events?goalType=${g.type}&goalId=${g.id}`);
      if (g.type !== 'objective') paths.push(`/api/v1/check-ins?goalType=${g.type}&goalId=${g.id}`);
      if (g.type !== 'smart_goal') paths.push(`/api/v1/alignment?cycle=${c}&parent=${g.id}`);
    }
    return paths;
  }

  /** Reads everything as each principal; returns every leak found and the bodies by path. */
  async function readEverything(): Promise<{ leaks: string[]; bodies: Map<string, unknown> }> {
    const leaks: string[] = [];
    const bodies = new Map<string, unknown>();
    for (const who of principals) {
      const hidden = hiddenFrom(who);
      for (const path of readsFor(who)) {
        const res = await api.call('GET', path, { as: as[who] });
        expect(res.status, `${who} GET ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        for (const leak of leaksIn(JSON.stringify(res.body), hidden))
          leaks.push(`${who} GET ${path}: ${leak}`);
        bodies.set(`${who} ${path}`, res.body);
      }
    }
    return { leaks, bodies };
  }

  it("lists a person's own SMART goals in their calendar feed, and nobody else's", async () => {
    const ownerFeed = (await api.call('GET', feeds.owner)).body as string;
    expect(ownerFeed).toContain(goal('PS').title);
    expect(ownerFeed).not.toContain(goal('VS').title);
    const managerFeed = (await api.call('GET', feeds.manager)).body as string;
    expect(managerFeed).not.toContain(goal('PS').title);
  });

  it('reads every GET endpoint of the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).body as { paths: Record<string, object> };
    const gets = Object.entries(doc.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path);
    expect(gets.filter((path) => !READ_PATHS.has(path))).toEqual([]);
  });

  it(
    'shows no principal the id or title of a goal they may not see, in any read of the open cycle',
    async () => {
      const { leaks, bodies } = await readEverything();
      expect(leaks).toEqual([]);
      // And what they may see is there, with the hidden links counted where they were.
      const v = (who: Who) =>
        bodies.get(`${who} /api/v1/objectives/${goal('V').id}`) as Record<string, unknown>;
      expect(v('other')).toMatchObject({ alignsTo: [], hiddenParents: 2 });
      expect(v('owner')).toMatchObject({ hiddenParents: 0 });
      expect((v('owner').alignsTo as unknown[]).length).toBe(2);
      expect(v('manager')).toMatchObject({ hiddenParents: 1 });
      const vs = bodies.get(`viewer /api/v1/smart-goals/${goal('VS').id}`) as Record<string, unknown>;
      expect(vs).toMatchObject({ supports: [], hiddenParents: 2 });
      const w1 = bodies.get(`token /api/v1/key-results/${goal('W1').id}`) as Record<string, unknown>;
      expect(w1).toMatchObject({ children: [], hiddenChildren: 3, hiddenSummary: '3 private goals' });
      const p3 = bodies.get(`other /api/v1/key-results/${goal('P3').id}`) as Record<string, unknown>;
      expect(p3).toMatchObject({ id: goal('P3').id, objectiveId: null });
      expect(bodies.get(`lead /api/v1/key-results/${goal('P3').id}`)).toMatchObject({
        objectiveId: goal('P').id,
      });
      const events = bodies.get(`other /api/v1/events?goalType=objective&goalId=${goal('V').id}`) as {
        items: { action: string; after: { parentId: string | null }; hiddenGoals: number }[];
      };
      const aligned = events.items.filter((e) => e.action === 'aligned');
      expect(aligned.map((e) => [e.after.parentId, e.hiddenGoals])).toEqual([
        [null, 1],
        [null, 1],
      ]);
    },
    READ_TIMEOUT_MS,
  );

  it('counts on the dashboard only what the viewer may see, and the rest as private goals', async () => {
    const dashboard = async (who: Who) =>
      (await api.call('GET', `/api/v1/dashboard?cycle=${ids.cycle}`, { as: as[who] })).body as {
        statusCounts: Record<string, number>;
        units: { unitId: string; objectives: number; hiddenGoals: number }[];
        hiddenGoals: number;
        hiddenSummary: string | null;
      };
    const objectives = (who: Who) => visibleTo(who).filter((g) => g.type === 'objective').length;
    for (const who of principals) {
      const body = await dashboard(who);
      const counted = Object.values(body.statusCounts).reduce((a, b) => a + b, 0);
      expect(counted, who).toBe(objectives(who));
      expect(body.hiddenGoals, who).toBe(4 - objectives(who));
      expect(
        body.units.reduce((a, u) => a + u.objectives, 0),
        who,
      ).toBe(objectives(who));
    }
    const asOther = await dashboard('other');
    expect(asOther.hiddenSummary).toBe('2 private goals');
    expect(asOther.units.find((u) => u.unitId === ids.teamA)).toMatchObject({
      objectives: 0,
      hiddenGoals: 2,
    });
    const calibration = await api.call('GET', `/api/v1/calibration?unit=${ids.teamA}`, { as: as.viewer });
    expect(calibration.status).toBe(200);
  });

  it(
    "answers a hidden goal's 404 exactly as a missing one's, on every route taking a goal id",
    async () => {
      const missing = { objective: 'vis-999001', key_result: 'vis-999002', smart_goal: 'vis-999003' };
      const base = { objective: 'objectives', key_result: 'key-results', smart_goal: 'smart-goals' };
      const requests = (type: Goal['type'], id: string): [string, string, unknown?][] => {
        const out: [string, string, unknown?][] = [
          ['GET', `/api/v1/${base[type]}/${id}`],
          ['PATCH', `/api/v1/${base[type]}/${id}`, { version: 1, title: 'A new title' }],
          ['GET', `/api/v1/events?goalType=${type}&goalId=${id}`],
          ['DELETE', `/api/v1/${base[type]}/${id}`],
        ];
        if (type === 'objective') {
          out.push(
            ['POST', '/api/v1/key-results', { objectiveId: id, title: 'Another measure' }],
            ['POST', `/api/v1/key-results/${goal('V1').id}/move`, { version: 1, objectiveId: id }],
            [
              'POST',
              '/api/v1/alignments',
              { childType: 'objective', childId: id, parentType: 'objective', parentId: goal('W').id },
            ],
            [
              'POST',
              '/api/v1/alignments',
              { childType: 'objective', childId: goal('V').id, parentType: 'objective', parentId: id },
            ],
            ['DELETE', `/api/v1/alignments?childType=objective&childId=${goal('V').id}&parentId=${id}`],
          );
        } else {
          out.push(
            ['GET', `/api/v1/check-ins?goalType=${type}&goalId=${id}`],
            ['POST', '/api/v1/check-ins', { goalType: type, goalId: id, value: 1 }],
            ['POST', '/api/v1/check-ins/batch', { items: [{ goalType: type, goalId: id, value: 1 }] }],
          );
        }
        if (type === 'smart_goal') {
          out.push(
            [
              'POST',
              '/api/v1/alignments',
              { childType: 'smart_goal', childId: id, parentType: 'key_result', parentId: goal('W1').id },
            ],
            ['DELETE', `/api/v1/alignments?childType=smart_goal&childId=${id}&parentId=${goal('W1').id}`],
          );
        }
        if (type === 'key_result') {
          out.push(
            ['POST', `/api/v1/key-results/${id}/move`, { version: 1, objectiveId: goal('V').id }],
            [
              'POST',
              '/api/v1/alignments',
              { childType: 'objective', childId: goal('V').id, parentType: 'key_result', parentId: id },
            ],
            ['DELETE', `/api/v1/alignments?childType=objective&childId=${goal('V').id}&parentId=${id}`],
            [
              'POST',
              '/api/v1/smart-goals',
              {
                cycleId: ids.cycle,
                title: 'Support it',
                startDate: '2026-10-01',
                dueDate: '2026-11-01',
                supports: [{ type: 'key_result', id }],
              },
            ],
          );
        }
        return out;
      };
      const answer = async (who: Who, [method, path, body]: [string, string, unknown?], id: string) => {
        const res = await api.call(method, path, { as: as[who], ...(body === undefined ? {} : { body }) });
        const { requestId: _, ...error } = (res.body as { error: Record<string, unknown> }).error ?? {};
        return `${res.status} ${JSON.stringify(error).replaceAll(id, '<id>')}`;
      };
      const differences: string[] = [];
      for (const who of ['other', 'viewer', 'token', 'manager'] as const) {
        for (const hidden of hiddenFrom(who)) {
          const asHidden = requests(hidden.type, hidden.id);
          const asMissing = requests(hidden.type, missing[hidden.type]);
          for (const [i, request] of asHidden.entries()) {
            const a = await answer(who, request, hidden.id);
            const b = await answer(who, asMissing[i]!, missing[hidden.type]);
            if (a !== b) differences.push(`${who} ${request[0]} ${request[1]} (${hidden.key}): ${a} <> ${b}`);
          }
        }
      }
      expect(differences).toEqual([]);
    },
    READ_TIMEOUT_MS,
  );

  it('tells no stream of a goal its principal may not see', async () => {
    const streams = await Promise.all(
      principals.map(async (who) => ({
        who,
        res: await api.app.request('/api/v1/stream', {
          headers: { Authorization: `Bearer ${as[who].bearer}` },
        }),
      })),
    );
    const readers = streams.map(({ who, res }) => ({ who, reader: sseReader(res) }));
    for (const { reader } of readers) expect(await reader.until('event: ready', 20_000)).toContain('ready');
    for (const g of goals) {
      const path = { objective: 'objectives', key_result: 'key-results', smart_goal: 'smart-goals' }[g.type];
      const current = await api.call('GET', `/api/v1/${path}/${g.id}`, { as: as.admin });
      await api.call('PATCH', `/api/v1/${path}/${g.id}`, {
        as: as.admin,
        body: {
          version: current.body.version,
          ...{
            objective: { description: 'Edited' },
            key_result: { weight: 2 },
            smart_goal: { achievability: 'Yes' },
          }[g.type],
        },
      });
    }
    // A notice every stream hears, after every edit: each stream is read up to it.
    const sentinel = 'end-of-edits';
    api.deps.bus.publish({
      workspaceId: actors.admin.workspaceId,
      entityType: 'workspace',
      entityId: sentinel,
      action: 'marked',
      at: Date.now(),
    });
    const seen = await Promise.all(
      readers.map(async ({ who, reader }) => {
        const text = await reader.until(sentinel, 30_000);
        await reader.close();
        return { who, text };
      }),
    );
    for (const { who, text } of seen) expect(text, who).toContain(sentinel);
    const leaks = seen.flatMap(({ who, text }) => leaksIn(text, hiddenFrom(who)).map((l) => `${who}: ${l}`));
    expect(leaks).toEqual([]);
    const asAdmin = seen.find((x) => x.who === 'admin')!.text;
    expect(leaksIn(asAdmin, goals).length).toBe(goals.length);
  });

  describe('once the cycle is closed', () => {
    beforeAll(async () => {
      api.clock.set(Date.UTC(2027, 0, 4));
      const all = await api.call('GET', `/api/v1/smart-goals?cycle=${ids.cycle}&limit=500`, { as: as.admin });
      const res = await api.call('POST', `/api/v1/cycles/${ids.cycle}/close`, {
        as: as.admin,
        body: {
          notes: (all.body.items as { id: string }[]).map((g) => ({
            goalId: g.id,
            rootCauseNote: 'Started late',
          })),
          decisions: goals
            .filter((g) => g.type === 'objective')
            .map((g) => ({ objectiveId: g.id, decision: 'modify', learned: 'Smaller steps' })),
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });

    it(
      'shows no hidden goal in the report, calibration or any other read',
      async () => {
        const { leaks, bodies } = await readEverything();
        expect(leaks).toEqual([]);
        const report = bodies.get(`viewer /api/v1/cycles/${ids.cycle}/report`) as { hiddenGoals: number };
        expect(report.hiddenGoals).toBe(hiddenFrom('viewer').filter((g) => g.type !== 'key_result').length);
        const calibration = bodies.get(`viewer /api/v1/calibration?unit=${ids.teamA}`) as {
          ambition: { count: number };
          hiddenGoals: number;
        };
        expect(calibration.ambition.count).toBe(0);
        expect(calibration.hiddenGoals).toBe(5);
        const asLead = bodies.get(`lead /api/v1/calibration?unit=${ids.teamA}`) as {
          ambition: { count: number };
        };
        expect(asLead.ambition.count).toBe(4);
      },
      READ_TIMEOUT_MS,
    );
  });
});
