import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsed, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { pageOf } from './openapi';
import {
  alignmentGraphSchema,
  cycleSchema,
  dashboardSchema,
  dueCheckinsSchema,
  keyResultSchema,
  unitPageSchema,
} from './schemas';

const pageOfKeyResults = pageOf(keyResultSchema);

/**
 * The reads the web app's screens need (issue 11, items 5 and 6): a cycle by id or name, the
 * dashboards defaulting to the active cycle with trends and compliance, the alignment graph, the
 * list of KRs, and "what do I check in on now".
 */
describeEachDialect('HTTP reads for the web app', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  let member: { bearer: string };
  let colleague: { bearer: string };
  let lead: { bearer: string };
  let viewer: { bearer: string };
  let privateGoalId: string;
  let publicGoalId: string;
  let teamObjectiveId: string;
  let teamKrId: string;
  const day = (d: number) => Date.UTC(2026, 9, d, 12);

  beforeAll(async () => {
    api = await testApi(dialect, { at: day(1) });
    const s = api.deps.services;
    org = await smallOrg(s);
    admin = await api.tokenFor(org.admin);
    member = await api.tokenFor(org.member);
    colleague = await api.tokenFor(org.colleague);
    lead = await api.tokenFor(org.lead);
    viewer = await api.tokenFor(org.viewer);
    const team = await s.objectives.create(org.lead, {
      cycleId: org.cycleId,
      title: 'Make every customer team successful in its first month',
      unitId: org.teamId,
      leadId: org.lead.personId,
    });
    teamObjectiveId = team.id;
    await s.alignments.align(org.lead, {
      childType: 'objective',
      childId: team.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
    });
    teamKrId = (
      await s.keyResults.create(org.lead, {
        objectiveId: team.id,
        title: 'Increase teams active in week four from 20 to 60',
        measure: { type: 'increase', start: 20, target: 60, unit: 'teams' },
        ownerId: org.member.personId,
      })
    ).id;
    const goal = (title: string, visibility: 'private' | 'workspace') =>
      s.smartGoals.create(org.member, {
        cycleId: org.cycleId,
        title,
        startDate: '2026-10-01',
        dueDate: '2026-11-30',
        measure: {
          type: 'milestones',
          milestones: [{ name: 'Draft' }, { name: 'Review' }, { name: 'Ship' }],
        },
        visibility,
        supports: [{ type: 'key_result', id: teamKrId }],
      });
    privateGoalId = (await goal('Pass the cloud certification exam', 'private')).id;
    publicGoalId = (await goal('Publish the onboarding checklist for new teams', 'workspace')).id;
    // Weekly check-ins on the team KR for two weeks, then silence; the company KR once.
    for (const [d, value] of [
      [2, 24],
      [9, 30],
    ] as const) {
      api.clock.set(day(d));
      await s.checkIns.checkIn(org.member, {
        goalType: 'key_result',
        goalId: teamKrId,
        value,
        confidence: 6,
        note: `week of the ${d}th`,
      });
    }
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 10 });
    await s.checkIns.checkIn(org.member, { goalType: 'smart_goal', goalId: publicGoalId, done: ['Draft'] });
    api.clock.set(day(22));
  });
  afterAll(() => api.dispose());

  it('reads a cycle by id, by name, or as the active one; an unknown one is a 404', async () => {
    const byId = parsed(
      cycleSchema,
      (await api.call('GET', `/api/v1/cycles/${org.cycleId}`, { as: viewer })).body,
    );
    const byName = parsed(
      cycleSchema,
      (await api.call('GET', '/api/v1/cycles/2026-Q4', { as: viewer })).body,
    );
    const active = parsed(cycleSchema, (await api.call('GET', '/api/v1/cycles/active', { as: viewer })).body);
    expect(byName).toEqual(byId);
    expect(active.id).toBe(org.cycleId);
    expect(byId.name).toBe('2026-Q4');
    expect((await api.call('GET', '/api/v1/cycles/2031-Q1', { as: viewer })).status).toBe(404);
  });

  it('defaults the dashboards to the active cycle, with trends and compliance from core', async () => {
    const res = await api.call('GET', '/api/v1/dashboard', { as: admin });
    expect(res.status).toBe(200);
    const dashboard = parsed(dashboardSchema, res.body);
    expect(dashboard.cycle.id).toBe(org.cycleId);
    const named = parsed(
      dashboardSchema,
      (await api.call('GET', '/api/v1/dashboard?cycle=2026-Q4', { as: admin })).body,
    );
    expect(named.cycle.id).toBe(org.cycleId);
    // Oct 1 (a Thursday) to Oct 22: the weeks of Sep 28, Oct 5, 12 and 19 have begun.
    expect(dashboard.compliance.weeks.slice(0, 4)).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
    ]);
    const company = dashboard.company.find((o) => o.id === org.objectiveId)!;
    expect(company.trend).toHaveLength(4);
    // The trend ends at today's score, and grows as the team KR moved up.
    expect(company.trend.at(-1)).toBeCloseTo(company.evaluation.score!, 9);
    expect(company.trend[0]).toBeLessThan(company.trend[2]!);
    // Compliance: the company row (its metric KR) and the team row (team KR and SMART goals).
    const rows = new Map(dashboard.compliance.units.map((u) => [u.name, u.cells]));
    expect([...rows.keys()]).toEqual(['Org', 'Team']);
    const teamCells = rows.get('Team')!;
    // Periods from Oct 1 (KR and SMART goals alike): the one starting in the week of Sep 28
    // (Oct 1-8) has the KR's check-in of Oct 2 only; the one starting in the week of Oct 5
    // (Oct 8-15) the KR's of the 9th and the public goal's: 1 of 3, then 2 of 3.
    expect(teamCells[0]).toEqual({ due: 3, done: 1, rate: 1 / 3 });
    expect(teamCells[1]).toEqual({ due: 3, done: 2, rate: 2 / 3 });
    // The week under way: nothing is due yet (an open period counts once it ends or has a check-in).
    expect(teamCells[3]).toEqual({ due: 0, done: 0, rate: null });

    const page = parsed(
      unitPageSchema,
      (await api.call('GET', `/api/v1/dashboard/units/${org.teamId}`, { as: lead })).body,
    );
    expect(page.cycle.id).toBe(org.cycleId);
    expect(page.objectives[0]!.trend).toHaveLength(4);
    expect(page.compliance.units.map((u) => u.name)).toEqual(['Team']);
  });

  it('counts only the goals a viewer may see in compliance', async () => {
    const forViewer = parsed(
      dashboardSchema,
      (await api.call('GET', '/api/v1/dashboard', { as: viewer })).body,
    );
    const forAdmin = parsed(
      dashboardSchema,
      (await api.call('GET', '/api/v1/dashboard', { as: admin })).body,
    );
    const due = (d: typeof forAdmin) =>
      d.compliance.units.find((u) => u.name === 'Team')!.cells.reduce((n, c) => n + c.due, 0);
    expect(due(forAdmin) - due(forViewer)).toBeGreaterThan(0);
  });

  it('lists KRs with filters and cursor pages', async () => {
    const all = parsed(
      pageOfKeyResults,
      (await api.call('GET', `/api/v1/key-results?cycle=${org.cycleId}`, { as: viewer })).body,
    );
    expect(all.items.map((k) => k.id).sort()).toEqual([org.krId, org.alignedKrId, teamKrId].sort());
    const mine = parsed(
      pageOfKeyResults,
      (await api.call('GET', `/api/v1/key-results?owner=${org.member.personId}`, { as: viewer })).body,
    );
    expect(mine.items.map((k) => k.id).sort()).toEqual([org.krId, teamKrId].sort());
    const team = parsed(
      pageOfKeyResults,
      (await api.call('GET', `/api/v1/key-results?unit=${org.teamId}`, { as: viewer })).body,
    );
    expect(team.items.map((k) => k.id)).toEqual([teamKrId]);
    const first = parsed(
      pageOfKeyResults,
      (await api.call('GET', '/api/v1/key-results?limit=2', { as: viewer })).body,
    );
    expect(first.items).toHaveLength(2);
    const second = parsed(
      pageOfKeyResults,
      (await api.call('GET', `/api/v1/key-results?limit=2&cursor=${first.nextCursor}`, { as: viewer })).body,
    );
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((k) => k.id)).toHaveLength(3);
    // The private SMART goal under the team KR is counted, never described.
    const kr = parsed(keyResultSchema, team.items[0]);
    expect(kr.hiddenSummary).toBe('1 private goal');
    expect(JSON.stringify(team)).not.toContain('certification');
    const stale = parsed(
      pageOfKeyResults,
      (await api.call('GET', '/api/v1/key-results?status=stale', { as: viewer })).body,
    );
    expect(stale.items.every((k) => k.evaluation.status === 'stale')).toBe(true);
  });

  it("pages a whole cycle's alignment graph into the same nodes and hidden counts as one page", async () => {
    const whole = parsed(
      alignmentGraphSchema,
      (await api.call('GET', '/api/v1/alignment?limit=1000', { as: colleague })).body,
    );
    const nodes: unknown[] = [];
    const hidden: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { nodes: unknown[]; hidden: unknown[]; nextCursor: string | null } = parsed(
        alignmentGraphSchema,
        (
          await api.call('GET', `/api/v1/alignment?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
            as: colleague,
          })
        ).body,
      );
      nodes.push(...page.nodes);
      hidden.push(...page.hidden);
      cursor = page.nextCursor;
    } while (cursor);
    expect(whole.nextCursor).toBeNull();
    expect(nodes).toEqual(whole.nodes);
    expect(hidden).toEqual(whole.hidden);
  });

  it('gives the alignment graph of a cycle, private goals counted where they sit, and lazy children', async () => {
    const res = await api.call('GET', '/api/v1/alignment', { as: colleague });
    expect(res.status).toBe(200);
    const graph = parsed(alignmentGraphSchema, res.body);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get(org.objectiveId)!.type).toBe('objective');
    expect(byId.get(org.alignedKrId)!.parentIds).toEqual([org.objectiveId]);
    expect(byId.get(teamObjectiveId)!.parentIds).toEqual([org.alignedKrId]);
    expect(byId.get(teamKrId)!.childCount).toBe(2);
    expect(byId.get(publicGoalId)!.parentIds).toEqual([teamKrId]);
    expect(byId.has(privateGoalId)).toBe(false);
    expect(graph.hidden).toEqual([{ parentId: teamKrId, count: 1, summary: '1 private goal' }]);
    expect(JSON.stringify(graph)).not.toContain('certification');
    // The owner sees it.
    const own = parsed(
      alignmentGraphSchema,
      (await api.call('GET', '/api/v1/alignment', { as: member })).body,
    );
    expect(own.nodes.map((n) => n.id)).toContain(privateGoalId);
    expect(own.hidden).toEqual([]);

    const children = parsed(
      alignmentGraphSchema,
      (await api.call('GET', `/api/v1/alignment?parent=${teamKrId}`, { as: colleague })).body,
    );
    expect(children.nodes.map((n) => n.id)).toEqual([publicGoalId]);
    expect(children.hidden).toEqual([{ parentId: teamKrId, count: 1, summary: '1 private goal' }]);
    const ofObjective = parsed(
      alignmentGraphSchema,
      (await api.call('GET', `/api/v1/alignment?parent=${org.objectiveId}&limit=1`, { as: colleague })).body,
    );
    expect(ofObjective.nodes.map((n) => n.id)).toEqual([org.krId]);
    const rest = parsed(
      alignmentGraphSchema,
      (
        await api.call(
          'GET',
          `/api/v1/alignment?parent=${org.objectiveId}&limit=1&cursor=${ofObjective.nextCursor}`,
          {
            as: colleague,
          },
        )
      ).body,
    );
    expect(rest.nodes.map((n) => n.id)).toEqual([org.alignedKrId]);
    const subtree = parsed(
      alignmentGraphSchema,
      (await api.call('GET', `/api/v1/alignment?unit=${org.teamId}`, { as: colleague })).body,
    );
    expect(subtree.nodes.some((n) => n.id === org.objectiveId)).toBe(false);
    expect(subtree.nodes.some((n) => n.id === teamObjectiveId)).toBe(true);
    expect(
      (await api.call('GET', `/api/v1/alignment?parent=${privateGoalId}`, { as: colleague })).status,
    ).toBe(404);
    expect((await api.call('GET', '/api/v1/alignment?unit=nope', { as: colleague })).status).toBe(400);
  });

  it('lists what a person checks in on now, with the last value, confidence and note', async () => {
    const res = await api.call('GET', '/api/v1/check-ins/due?person=me', { as: member });
    expect(res.status).toBe(200);
    const due = parsed(dueCheckinsSchema, res.body);
    expect(due.person.id).toBe(org.member.personId);
    const byId = new Map(due.items.map((i) => [i.id, i]));
    // Everything the member owns with a measure: two metric KRs and two SMART goals.
    expect([...byId.keys()].sort()).toEqual([org.krId, teamKrId, privateGoalId, publicGoalId].sort());
    const kr = byId.get(teamKrId)!;
    expect(kr).toMatchObject({
      type: 'key_result',
      objectiveTitle: 'Make every customer team successful in its first month',
      lastValue: 30,
      lastConfidence: 6,
      lastNote: 'week of the 9th',
      lastCheckinAt: day(9),
      isDone: false,
    });
    // The cycle's weekly periods from Oct 1: the one holding Oct 22 is Oct 22 to Oct 29.
    expect(kr.period.start).toBe(Date.UTC(2026, 9, 22));
    const goal = byId.get(publicGoalId)!;
    expect(goal).toMatchObject({
      type: 'smart_goal',
      lastDone: ['Draft'],
      lastValue: null,
      keyResultTitle: 'Increase teams active in week four from 20 to 60',
    });
    expect(due.summary).toEqual({ due: 4, done: 0 });

    await api.deps.services.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: teamKrId,
      value: 33,
    });
    const after = parsed(
      dueCheckinsSchema,
      (await api.call('GET', '/api/v1/check-ins/due', { as: member })).body,
    );
    expect(after.summary).toEqual({ due: 3, done: 1 });
    expect(after.items.at(-1)).toMatchObject({ id: teamKrId, isDone: true, lastValue: 33 });

    // The member's lead and an admin may look; a colleague may not.
    const forLead = await api.call('GET', `/api/v1/check-ins/due?person=${org.member.personId}`, {
      as: lead,
    });
    expect(parsed(dueCheckinsSchema, forLead.body).items).toHaveLength(4);
    expect(
      (await api.call('GET', `/api/v1/check-ins/due?person=${org.member.personId}`, { as: admin })).status,
    ).toBe(200);
    expect(
      (await api.call('GET', `/api/v1/check-ins/due?person=${org.member.personId}`, { as: colleague }))
        .status,
    ).toBe(403);
    expect((await api.call('GET', '/api/v1/check-ins/due?person=nobody', { as: lead })).status).toBe(404);

    // A deactivated person is due nothing (their goals stay, waiting for a new owner).
    const off = await api.call('POST', `/api/v1/people/${org.member.personId}/deactivate`, { as: admin });
    expect(off.status).toBe(200);
    const gone = await api.call('GET', `/api/v1/check-ins/due?person=${org.member.personId}`, { as: admin });
    expect(parsed(dueCheckinsSchema, gone.body).items).toEqual([]);
    await api.call('POST', `/api/v1/people/${org.member.personId}/reactivate`, { as: admin });
  });
});
