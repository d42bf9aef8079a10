import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateOrganisation } from '../demo/large';
import { repositories } from '../repositories/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { Rollups, recomputeCycles } from './rollup';
import { readSettings } from './workspace-settings';

// A cycle of 60 objectives: a deferred flush recomputes its layers in statements of many rows (on
// SQLite above 32 objectives a layer; on PostgreSQL always); one objective at a time must agree.
describeEachDialect('stored rollups of a large layer', (dialect) => {
  let test: TestDatabase;
  const at = Date.UTC(2026, 10, 20);
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());

  it('recomputing a cycle at once stores what recomputing each objective alone stores', async () => {
    const org = await generateOrganisation(test.db, {
      size: { people: 120, units: 12, objectives: 60, keyResults: 200, smartGoals: 150, cycles: 1 },
      at,
      seed: 7,
    });
    const db = test.db.kysely;
    const objectives = () =>
      db
        .selectFrom('objectives')
        .select(['id', 'progress', 'score', 'latestCheckinAt'])
        .where('cycleId', '=', org.activeCycleId)
        .orderBy('id')
        .execute();
    const aligned = () =>
      db
        .selectFrom('keyResults')
        .select(['id', 'progress', 'score', 'latestCheckinAt'])
        .where('progressSource', '=', 'aligned')
        .orderBy('id')
        .execute();
    const { settings } = await db
      .selectFrom('workspaces')
      .select('settings')
      .where('id', '=', org.workspaceId)
      .executeTakeFirstOrThrow();
    const workspaceSettings = readSettings(settings);
    const wipe = () =>
      db.updateTable('objectives').set({ progress: null, score: null, latestCheckinAt: null }).execute();

    await wipe();
    await db
      .transaction()
      .execute((trx) =>
        recomputeCycles(repositories(trx, test.db.dialect), org.workspaceId, workspaceSettings, at, [
          org.activeCycleId,
        ]),
      );
    const together = await objectives();
    const alignedTogether = await aligned();
    expect(together.length).toBe(60);
    expect(together.filter((o) => o.progress !== null).length).toBeGreaterThan(50);

    await wipe();
    await db.transaction().execute(async (trx) => {
      const rollups = new Rollups(repositories(trx, test.db.dialect), org.workspaceId, workspaceSettings, at);
      for (const { id } of together) await rollups.objective(id);
    });
    expect(await objectives()).toEqual(together);
    expect(await aligned()).toEqual(alignedTogether);
  }, 60_000);
});
