import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emptyDatabase, PG_URL } from '../test/databases';

describe.skipIf(!PG_URL)('PostgreSQL pool (set TANDEM_TEST_PG_URL to run; .ci/run does)', () => {
  it('survives losing its idle connections (a server restart): it says so and reconnects on demand', async () => {
    const lost: Error[] = [];
    const test = await emptyDatabase('postgres', { poolSize: 4, onIdleError: (error) => lost.push(error) });
    try {
      const row = async () => (await test.db.kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute())[0];
      await Promise.all([row(), row(), row()]);
      const database = new URL(test.location).pathname.slice(1);
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
      await admin.end();
      const terminated = ended.rows.filter((r: { ended: boolean }) => r.ended).length;
      // Wait for every terminated connection to be reported (not just the first): a query sent
      // before the pool has heard of one would be handed that dead connection.
      for (let i = 0; i < 250 && lost.length < terminated; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // Without the pool's error listener this would have been an unhandled error ending the process.
      expect(lost.length).toBeGreaterThan(0);
      expect((lost[0] as Error & { code?: string }).code).toBe('57P01');
      expect(await row()).toEqual({ one: 1 });
    } finally {
      await test.dispose();
    }
  });
});
