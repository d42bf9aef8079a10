import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Scratch databases for the benchmarks: made fresh for one run and thrown away after it. */

/** Printed when no PostgreSQL server is named for the benchmarks. */
export const PG_SKIPPED =
  'PostgreSQL skipped: set TANDEM_BENCH_PG_URL=postgres://user:pass@host/db (a role that may CREATE DATABASE).';

/** Runs `fn` with the path of a new SQLite file in the temporary folder; removes the file (and its WAL) after. */
export async function withScratchSqliteFile<T>(prefix: string, fn: (file: string) => Promise<T>): Promise<T> {
  const file = join(tmpdir(), `${prefix}-${randomBytes(4).toString('hex')}.db`);
  try {
    return await fn(file);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

/**
 * Runs `fn` with the URL of a new database created on the server of `serverUrl`; drops it after
 * `fn` has finished (and closed its connections), ending any left over.
 */
export async function withScratchPgDatabase<T>(
  serverUrl: string,
  prefix: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
