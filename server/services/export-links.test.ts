import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrganisation } from '../../core/goals-file/model';
import { formatProblem, parseGoalsFile } from '../../core/goals-file/parse';
import type { Db } from '../db/database';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, testServices } from '../test/scenario';
import type { Actor, Services } from './index';

const AT = Date.UTC(2026, 10, 20);

/** Every link of a workspace as "child (cycle) -> parent (cycle) xweight", by titles. */
async function linksOf(db: Db, workspaceId: string): Promise<string[]> {
  const titles = new Map<string, string>();
  const cycles = new Map(
    (
      await db.kysely
        .selectFrom('cycles')
        .select(['id', 'name'])
        .where('workspaceId', '=', workspaceId)
        .execute()
    ).map((c) => [c.id, c.name]),
  );
  const objectives = await db.kysely
    .selectFrom('objectives')
    .select(['id', 'title', 'cycleId'])
    .where('workspaceId', '=', workspaceId)
    .execute();
  for (const o of objectives) titles.set(o.id, `${o.title} (${cycles.get(o.cycleId)})`);
  const krs = await db.kysely
    .selectFrom('keyResults')
    .select(['id', 'title', 'objectiveId'])
    .where('workspaceId', '=', workspaceId)
    .execute();
  const cycleOf = new Map(objectives.map((o) => [o.id, cycles.get(o.cycleId)]));
  for (const kr of krs) titles.set(kr.id, `${kr.title} (${cycleOf.get(kr.objectiveId)})`);
  const goals = await db.kysely
    .selectFrom('smartGoals')
    .select(['id', 'title', 'cycleId'])
    .where('workspaceId', '=', workspaceId)
    .execute();
  for (const g of goals) titles.set(g.id, `${g.title} (${cycles.get(g.cycleId)})`);
  const links = await db.kysely
    .selectFrom('alignments')
    .select(['childId', 'parentId', 'weight'])
    .where('workspaceId', '=', workspaceId)
    .execute();
  return links.map((l) => `${titles.get(l.childId)} -> ${titles.get(l.parentId)} x${l.weight}`).sort();
}

describeEachDialect('exports keep links to goals of other cycles (CYCLE/key)', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let admin: Actor;
  let workspaceId: string;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    s = testServices(test.db, AT).services;
    const created = await s.workspaces.create({ name: 'Links', admin: { email: 'a@links.test', name: 'A' } });
    workspaceId = created.workspace.id;
    admin = actorFor(workspaceId, created.adminId);
    const q3 = await s.cycles.create(admin, { name: '2026-Q3', state: 'active' });
    const q4 = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    const grow = await s.objectives.create(admin, { cycleId: q3.id, title: 'Grow revenue' });
    const arr = await s.keyResults.create(admin, {
      objectiveId: grow.id,
      title: 'Reach 1M ARR',
      measure: { type: 'increase', start: 0, target: 1_000_000 },
    });
    const further = await s.objectives.create(admin, { cycleId: q4.id, title: 'Grow revenue further' });
    await s.keyResults.create(admin, {
      objectiveId: further.id,
      title: 'Reach 2M ARR',
      measure: { type: 'increase', start: 1_000_000, target: 2_000_000 },
    });
    await s.alignments.align(admin, {
      childType: 'objective',
      childId: further.id,
      parentType: 'key_result',
      parentId: arr.id,
      weight: 2,
    });
    await s.smartGoals.create(admin, {
      cycleId: q4.id,
      title: 'Close three enterprise deals',
      measure: { type: 'increase', start: 0, target: 3 },
      startDate: '2026-10-01',
      dueDate: '2026-12-15',
      supports: [{ type: 'objective', id: grow.id }],
    });
  }, 60_000);
  afterAll(() => test.dispose());

  it('writes them as CYCLE/key in YAML, CSV and XLSX; the file lints; a re-import keeps them', async () => {
    const before = await linksOf(test.db, workspaceId);
    expect(before).toEqual([
      'Close three enterprise deals (2026-Q4) -> Grow revenue (2026-Q3) x1',
      'Grow revenue further (2026-Q4) -> Reach 1M ARR (2026-Q3) x2',
    ]);
    const yaml = (await s.exports.cycle(admin, { cycle: '2026-Q4', format: 'yaml' })).body as string;
    expect(yaml).toContain('aligns_to:\n      key: 2026-Q3/reach-1m-arr\n      weight: 2');
    expect(yaml).toContain('supports: 2026-Q3/grow-revenue');
    expect(yaml).not.toMatch(/left out/);
    // A goals file that tandem lint and score read: the other cycle's goals are not checked there.
    const parsed = parseGoalsFile(yaml, 'q4.yaml');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    const built = buildOrganisation([parsed.parsed], { now: AT });
    if (!built.ok) throw new Error(built.problems.map(formatProblem).join('\n'));
    expect(built.org.smartGoals[0]!.parents).toEqual([{ key: '2026-Q3/grow-revenue', weight: 1 }]);

    const csv = (await s.exports.cycle(admin, { cycle: '2026-Q4', format: 'csv' })).body as string;
    expect(csv).toContain(',2026-Q3/reach-1m-arr*2,');
    const xlsx = (await s.exports.cycle(admin, { cycle: '2026-Q4', format: 'xlsx' })).body as Uint8Array;
    for (const file of [
      { name: 'q4.yaml', text: yaml },
      { name: 'q4.csv', text: csv },
      { name: 'q4.xlsx', base64: Buffer.from(xlsx).toString('base64') },
    ]) {
      const again = await s.imports.goalsFiles(admin, { files: [file] });
      expect(again.problems, file.name).toEqual([]);
      expect(again.summary, file.name).toMatchObject({ create: 0, update: 0 });
      expect(await linksOf(test.db, workspaceId), file.name).toEqual(before);
    }
  });

  it('an export of every cycle imports into an empty workspace with the same links, dry run too', async () => {
    const before = await linksOf(test.db, workspaceId);
    const text = (await s.exports.workspace(admin, { format: 'yaml' })).body as string;
    const created = await s.workspaces.create({ name: 'Copy', admin: { email: 'a@copy.test', name: 'A' } });
    const other = actorFor(created.workspace.id, created.adminId);
    const files = [{ name: 'all.yaml', text }];
    const plan = await s.imports.goalsFiles(other, { files, createMissing: true, dryRun: true });
    expect(plan.problems).toEqual([]);
    const into = await s.imports.goalsFiles(other, { files, createMissing: true });
    expect(into.problems).toEqual([]);
    expect(await linksOf(test.db, created.workspace.id)).toEqual(before);
  });

  it('names a cross-cycle link it cannot resolve, with the cycle', async () => {
    const yaml = (await s.exports.cycle(admin, { cycle: '2026-Q4', format: 'yaml' })).body as string;
    const result = await s.imports.goalsFiles(admin, {
      files: [{ name: 'q4.yaml', text: yaml.replace('2026-Q3/grow-revenue', '2026-Q3/shrink-costs') }],
    });
    expect(result.isApplied).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual([
      'no objective or key result has the key "shrink-costs" in cycle 2026-Q3',
    ]);
  });
});
