import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cell } from '../../core/exchange/cells';
import type { CsvCell } from '../../core/exchange/csv';
import { cycleCsvRows } from '../../core/exchange/tables';
import { buildOrganisation } from '../../core/goals-file/model';
import { parseGoalsFile } from '../../core/goals-file/parse';
import { generateOrganisation, ORG_SIZES } from '../demo/large';
import { generateSmallOrganisation } from '../demo/small';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, testServices } from '../test/scenario';
import type { Actor, Services } from './index';
import { readCsv } from './spreadsheet-files';

const AT = Date.UTC(2026, 10, 20);
const LATEST = ['Current', 'Confidence', 'Last check-in'] as const;

/** Each goal's latest check-in columns by its key, from a spreadsheet export's rows. */
function latestOf(rows: readonly (readonly (CsvCell | Cell)[])[]): Map<string, string[]> {
  const [header, ...body] = rows;
  const key = header!.indexOf('Key');
  const columns = LATEST.map((name) => header!.indexOf(name));
  return new Map(body.map((row) => [String(row[key]), columns.map((i) => String(row[i] ?? ''))]));
}

// The spreadsheet and Markdown exports take each goal's latest value, confidence and time from its
// stored facts where those are current, and read the check-ins only of the other goals; the goals
// file reads every check-in. The latest columns of the two must be the same for every goal.
describeEachDialect('spreadsheet exports from stored facts', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  const workspaces: { name: string; admin: Actor }[] = [];
  let corrected: { id: string; title: string };

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const large = await generateOrganisation(test.db, { size: ORG_SIZES.tiny, at: AT });
    workspaces.push({ name: 'generated', admin: actorFor(large.workspaceId, large.adminId) });
    const small = await generateSmallOrganisation(test.db, { at: AT });
    const admin = actorFor(small.workspaceId, small.adminId);
    workspaces.push({ name: 'small', admin });
    s = testServices(test.db, AT).services;
    // A check-in and its correction: the latest value is the correction's.
    const cycle = (await s.cycles.list(admin)).find((c) => c.state === 'active')!;
    const goal = await test.db.kysely
      .selectFrom('smartGoals')
      .select(['id', 'title'])
      .where('cycleId', '=', cycle.id)
      .where('measure', 'like', '%"increase"%')
      .executeTakeFirstOrThrow();
    corrected = goal;
    const first = await s.checkIns.checkIn(admin, {
      goalType: 'smart_goal',
      goalId: goal.id,
      value: 3,
      confidence: 6,
    });
    await s.checkIns.checkIn(admin, {
      goalType: 'smart_goal',
      goalId: goal.id,
      value: 4,
      corrects: first.checkIn.id,
    });
  }, 180_000);
  afterAll(() => test.dispose());

  it('writes the latest value, confidence and time a goals file of the same cycle holds', async () => {
    let compared = 0;
    for (const { name, admin } of workspaces) {
      for (const cycle of await s.cycles.list(admin)) {
        const csv = (await s.exports.cycle(admin, { cycle: cycle.id, format: 'csv' })).body as string;
        const yaml = (await s.exports.cycle(admin, { cycle: cycle.id, format: 'yaml' })).body as string;
        const parsed = parseGoalsFile(yaml, 'export.yaml');
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
        const built = buildOrganisation([parsed.parsed], { now: AT, unknownLinks: 'kept' });
        if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 3)));
        const fromHistory = latestOf(
          cycleCsvRows({ org: built.org, cycle: cycle.name, at: AT, evaluations: new Map() }),
        );
        const fromExport = latestOf(readCsv(csv).sheets[0]!.rows);
        expect([...fromExport.keys()].sort(), `${name} ${cycle.name}`).toEqual(
          [...fromHistory.keys()].sort(),
        );
        for (const [key, cells] of fromExport) {
          expect(cells, `${name} ${cycle.name} ${key}`).toEqual(fromHistory.get(key));
          if (cells[0] !== '') compared++;
        }
      }
    }
    // Goals with check-ins of every kind were compared (boolean, milestones, metrics, corrected).
    expect(compared).toBeGreaterThan(100);
    const small = workspaces[1]!.admin;
    const active = (await s.cycles.list(small)).find((c) => c.state === 'active')!;
    const csv = (await s.exports.cycle(small, { cycle: active.id, format: 'csv' })).body as string;
    expect(csv).toMatch(/,done,|,not done,/);
    expect(csv).toMatch(/,(Design|Logistics case|Sandbox|Modules 1-3)[;,]/);
    // The corrected goal: the correction's value.
    const [header, ...rows] = readCsv(csv).sheets[0]!.rows;
    const row = rows.find((r) => r[header!.indexOf('Title')] === corrected.title)!;
    expect(row[header!.indexOf('Current')]).toBe('4');
  }, 180_000);
});
