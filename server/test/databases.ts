import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { type Db, migrateToLatest, type OpenOptions, openDatabase } from '../db/database';

/**
 * Test databases: a fresh SQLite in-memory database, or a fresh PostgreSQL database created on the
 * server named by `TANDEM_TEST_PG_URL` (dropped afterwards). Each test file gets its own.
 */

/** The PostgreSQL server for tests, e.g. `postgres://tandem:tandem@127.0.0.1:5432/tandem_test`. */
export const PG_URL = process.env.TANDEM_TEST_PG_URL;

export type DialectUnderTest = 'sqlite' | 'postgres';

/** A database for one test file, and how to throw it away. */
export interface TestDatabase {
  db: Db;
  /** Where it is (`:memory:`, or the PostgreSQL URL), to open a second handle as another node would. */
  location: string;
  dispose(): Promise<void>;
}

/** Creates an empty database (not migrated) of a dialect. */
export async function emptyDatabase(
  dialect: DialectUnderTest,
  options: OpenOptions = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const db = openDatabase(':memory:');
    return { db, location: ':memory:', dispose: () => db.close() };
  }
  if (!PG_URL) throw new Error('TANDEM_TEST_PG_URL is not set');
  const name = `tandem_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString(), options);
  return {
    db,
    location: url.toString(),
    dispose: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: PG_URL });
      await cleanup.connect();
      // The pool's end resolves before the server has seen every connection go: dropping with
      // FORCE at once terminated connections still closing, and their clients reported it as an
      // unhandled error (on a loaded CI machine). Wait for them (a few seconds at most) first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await cleanup.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // FORCE refuses while a process of another role is in the database (an autovacuum worker
      // on a busy machine): wait for it to leave and try again, then once without FORCE.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS ${name}${attempt < 50 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}

/** Creates a migrated database of a dialect. */
export async function freshDatabase(
  dialect: DialectUnderTest,
  options: { poolSize?: number } = {},
): Promise<TestDatabase> {
  const test = await emptyDatabase(dialect, options);
  await migrateToLatest(test.db);
  return test;
}

let hasWarned = false;

const HOW_TO =
  'PostgreSQL suite skipped: set TANDEM_TEST_PG_URL=postgres://user:pass@127.0.0.1:5432/db (a role allowed to CREATE DATABASE) to run it; `.ci/run` does.';

/**
 * Runs a suite once per dialect: always on SQLite; on PostgreSQL when `TANDEM_TEST_PG_URL` is set.
 * Without it the PostgreSQL run is skipped with a message saying how to run it, except under
 * `CI=true`, where a missing PostgreSQL is a failure.
 */
export function describeEachDialect(name: string, suite: (dialect: DialectUnderTest) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  if (PG_URL) describe(`${name} [postgres]`, () => suite('postgres'));
  else if (process.env.CI === 'true') {
    describe(`${name} [postgres]`, () => {
      it('needs PostgreSQL in CI', () => {
        throw new Error(`CI=true but TANDEM_TEST_PG_URL is not set. ${HOW_TO}`);
      });
    });
  } else {
    if (!hasWarned) console.warn(HOW_TO);
    hasWarned = true;
    describe.skip(`${name} [postgres] (${HOW_TO})`, () => {
      it('runs on PostgreSQL', () => {});
    });
  }
}
