import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, PG_URL, type TestDatabase } from './databases';
import { runScenario } from './scenario';

describe('the scripted scenario', () => {
  let sqlite: TestDatabase;
  let result: Record<string, unknown>;
  beforeAll(async () => {
    sqlite = await freshDatabase('sqlite');
    result = await runScenario(sqlite.db);
  });
  afterAll(() => sqlite.dispose());

  it('runs end to end on SQLite', () => {
    const close = result.close as { successors: unknown[]; grades: unknown[] };
    expect(close.successors).toHaveLength(1);
    expect(close.grades.length).toBeGreaterThan(4);
  });

  it.skipIf(!PG_URL && process.env.CI !== 'true')('gives the same results on PostgreSQL', async () => {
    const pg = await freshDatabase('postgres');
    try {
      expect(await runScenario(pg.db)).toEqual(result);
    } finally {
      await pg.dispose();
    }
  });
});
