import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, testServices } from '../test/scenario';
import { LARGE_CSV, largeCsv, largeCsvPeople } from '../test/spreadsheets/large-csv';
import type { Actor, Services } from './index';

describeEachDialect('import of a 10,000-row spreadsheet', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let admin: Actor;
  const csv = largeCsv();

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    s = testServices(test.db, Date.UTC(2026, 10, 20)).services;
    const { workspace, adminId } = await s.workspaces.create({
      name: 'Large',
      admin: { email: 'admin@bench.test', name: 'Admin' },
    });
    admin = actorFor(workspace.id, adminId);
    await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    for (const email of largeCsvPeople())
      await s.people.add(admin, { email, name: email.split('@')[0]!, role: 'member' });
  }, 60_000);
  afterAll(() => test.dispose());

  it('imports every row in one go, with its check-ins, rollups and keys; importing again changes nothing', async () => {
    const steps = new Set<string>();
    const result = await s.imports.goalsFiles(
      admin,
      { files: [{ name: 'large.csv', text: csv }], createMissing: true },
      (step) => steps.add(step),
    );
    expect(result.problems).toEqual([]);
    expect(result.isApplied).toBe(true);
    const objectives = LARGE_CSV.rows / LARGE_CSV.krsPerObjective;
    // 2,500 objectives, 10,000 KRs and the 20 teams the sheet names.
    expect(result.summary).toEqual({
      create: objectives + LARGE_CSV.rows + LARGE_CSV.teams,
      update: 0,
      unchanged: 0,
      checkIns: LARGE_CSV.rows,
      skipped: 0,
    });
    expect([...steps]).toEqual(['goals', 'write', 'events', 'rollups']);

    const db = test.db.kysely;
    const count = async (table: 'objectives' | 'keyResults' | 'checkIns' | 'goalKeys') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('objectives')).toBe(objectives);
    expect(await count('keyResults')).toBe(LARGE_CSV.rows);
    expect(await count('checkIns')).toBe(LARGE_CSV.rows);
    expect(await count('goalKeys')).toBe(objectives + LARGE_CSV.rows);
    const objective = await db
      .selectFrom('objectives')
      .selectAll()
      .where('title', '=', 'Objective number 3 makes customers happier')
      .executeTakeFirstOrThrow();
    const krs = await db
      .selectFrom('keyResults')
      .selectAll()
      .where('objectiveId', '=', objective.id)
      .orderBy('position')
      .execute();
    // Rows 12 to 15: KR r goes from r%50 to r%50+40 and stands at r%50 + (r%7)*3.
    expect(krs.map((kr) => kr.title)).toEqual(
      [12, 13, 14, 15].map((r) => `Increase measure ${r} from ${r} to ${r + 40}`),
    );
    expect(krs.map((kr) => kr.latestValue)).toEqual([12 + 15, 13 + 18, 14, 15 + 3]);
    expect(krs.map((kr) => kr.checkinCount)).toEqual([1, 1, 1, 1]);
    const progress = [15 / 40, 18 / 40, 0, 3 / 40];
    for (const [i, kr] of krs.entries()) expect(kr.progress).toBeCloseTo(progress[i]!, 12);
    // The objective's stored rollup is its KRs' mean (equal weights), computed once at the end.
    expect(objective.progress).toBeCloseTo(progress.reduce((a, b) => a + b, 0) / 4, 12);
    const owner = await db
      .selectFrom('people')
      .select('email')
      .where('id', '=', krs[1]!.ownerId!)
      .executeTakeFirstOrThrow();
    expect(owner.email).toBe('person13@bench.test');

    const again = await s.imports.goalsFiles(admin, { files: [{ name: 'large.csv', text: csv }] });
    expect(again.summary).toEqual({
      create: 0,
      update: 0,
      unchanged: objectives + LARGE_CSV.rows,
      checkIns: 0,
      skipped: 0,
    });
  }, 120_000);
});
