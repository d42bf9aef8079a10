import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrateToLatest, openDatabase } from '../db/database';
import { type Actor, createServices, FixedClock, serviceDeps } from '../services/index';
import { generateSmallOrganisation } from './small';

const AT = Date.UTC(2026, 10, 20, 9);

/** The demo organisation is a real cascade with a believable mix of numbers (issue 11, item 10). */
describe('the small demo organisation', () => {
  let db: Db;
  let s: ReturnType<typeof createServices>;
  let admin: Actor;
  beforeAll(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    const made = await generateSmallOrganisation(db, { at: AT });
    s = createServices(serviceDeps(db, new FixedClock(AT)));
    admin = { workspaceId: made.workspaceId, personId: made.adminId, actorType: 'person', source: 'cli' };
  }, 120_000);
  afterAll(() => db.close());

  it('cascades from the company to teams, with SMART goals under team KRs and links across units', async () => {
    const units = new Map((await s.units.list(admin)).map((u) => [u.id, u]));
    const depth = (id: string | null): number => (id === null ? -1 : 1 + depth(units.get(id)!.parentId));
    const graph = await s.alignmentGraph.graph(admin, {});
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const objectives = graph.nodes.filter((n) => n.type === 'objective');
    const levelOf = (n: { unitId: string | null }) => depth(n.unitId);
    expect(new Set(objectives.map(levelOf))).toEqual(new Set([0, 1, 2]));
    for (const o of objectives) {
      const parents = o.parentIds.map((id) => nodes.get(id)!);
      if (levelOf(o) === 0) expect(parents).toEqual([]);
      else {
        // Departments align to company KRs (or objectives), teams to department KRs.
        expect(parents.length).toBeGreaterThan(0);
        expect(parents.every((p) => levelOf(p) === levelOf(o) - 1)).toBe(true);
      }
    }
    const crossUnit = objectives.filter((o) =>
      o.parentIds.some((id) => {
        const parent = nodes.get(id)!;
        return parent.unitId !== units.get(o.unitId!)!.parentId;
      }),
    );
    expect(crossUnit.length).toBeGreaterThanOrEqual(2);
    const smart = graph.nodes.filter((n) => n.type === 'smart_goal');
    expect(smart.length).toBeGreaterThanOrEqual(8);
    for (const g of smart) {
      const parent = nodes.get(g.parentIds[0]!)!;
      expect(parent.type).toBe('key_result');
      expect(levelOf(parent)).toBe(2);
    }
    // Some are private: a member outside their team sees "N private goals" instead.
    const people = await s.people.list(admin);
    const outsider = people.find((p) => p.email === 'aisha.khan@northwind.test')!;
    const view = await s.alignmentGraph.graph({ ...admin, personId: outsider.id }, {});
    expect(view.hidden.reduce((n, h) => n + h.count, 0)).toBeGreaterThanOrEqual(2);
    expect(view.hidden[0]!.summary).toMatch(/private goals?$/);
  });

  it('tells a plausible story on the dashboard: a mix of statuses with stale and at-risk goals', async () => {
    const dashboard = await s.reads.dashboard(admin);
    const counts = dashboard.statusCounts;
    expect(counts.on_track).toBeGreaterThan(0);
    expect(counts.at_risk + counts.off_track).toBeGreaterThan(0);
    const krs = await s.lists.keyResults(admin, { cycleId: dashboard.cycle.id, limit: 500 });
    const statuses = krs.items.map((k) => k.evaluation.status);
    for (const status of ['on_track', 'at_risk', 'off_track', 'stale'] as const)
      expect(statuses).toContain(status);
    // Trends rise over the weeks, and the heatmap has gaps (nobody is perfect, nobody silent).
    for (const o of dashboard.company) expect(o.trend.at(-1)!).toBeGreaterThan(o.trend[0] ?? 0);
    const rates = dashboard.compliance.units.flatMap((u) =>
      u.cells.flatMap((c) => (c.rate === null ? [] : [c.rate])),
    );
    expect(Math.min(...rates)).toBeLessThan(1);
    expect(Math.max(...rates)).toBeGreaterThan(0.5);
  });

  it('closed the last quarter with root-cause notes only where a goal missed', async () => {
    const cycles = await s.cycles.list(admin);
    const closed = cycles.find((c) => c.state === 'closed')!;
    const report = await s.reports.cycleReport(admin, closed.id);
    const krs = report.objectives.flatMap((o) =>
      o.keyResults.map((kr) => ({ ...kr, level: o.kind === 'committed' ? 1 : 0.7 })),
    );
    for (const kr of krs) expect(kr.rootCauseNote !== null).toBe((kr.score ?? 0) < kr.level - 1e-9);
    expect(krs.filter((kr) => kr.rootCauseNote === null).length).toBeGreaterThan(0);
    expect(krs.filter((kr) => kr.rootCauseNote !== null).length).toBeGreaterThan(0);
    expect(report.objectives.every((o) => o.learned !== null)).toBe(true);
  });
});
