import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import type { Services } from './index';

describeEachDialect('settings changes and stored rollups', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());
  let run = 0;
  beforeEach(async () => {
    ({ services: s } = testServices(test.db, Date.UTC(2026, 10, 1), `sr${++run}`));
    org = await smallOrg(s);
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 40 });
    // A stored score that is not what the maths says, to see whether the rollups are redone.
    await test.db.kysely.updateTable('keyResults').set({ score: 0.123 }).where('id', '=', org.krId).execute();
  });

  const storedScore = async () =>
    (
      await test.db.kysely
        .selectFrom('keyResults')
        .select('score')
        .where('id', '=', org.krId)
        .executeTakeFirstOrThrow()
    ).score;

  it('a change to what the maths reads (time zone, cadence) recomputes the open cycles’ rollups', async () => {
    const { version } = await s.workspaces.get(org.admin);
    await s.workspaces.updateSettings(org.admin, { version, settings: { timeZone: 'Europe/Berlin' } });
    expect(await storedScore()).toBeCloseTo(0.4, 12);
  });

  it('a change the maths does not read (the name) leaves them', async () => {
    const { version } = await s.workspaces.get(org.admin);
    await s.workspaces.updateSettings(org.admin, { version, name: 'Renamed' });
    expect(await storedScore()).toBe(0.123);
  });
});
