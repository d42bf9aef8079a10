import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateTo, openDatabase } from '../server/db/database';
import { MIGRATIONS } from '../server/db/migrations/index';
import { describeEachDialect, emptyDatabase } from '../server/test/databases';
import { migrateDatabase, migrateText } from './migrate';

const ALL = Object.keys(MIGRATIONS);

describeEachDialect('tandem migrate', (dialect) => {
  it('shows pending migrations with --status and --dry-run without applying them, then applies them', async () => {
    const test = await emptyDatabase(dialect);
    try {
      await migrateTo(test.db, '0004-webhooks');
      const status = await migrateDatabase(test.db, { status: true });
      expect(status.applied).toEqual(ALL.slice(0, 4));
      expect(status.pending).toEqual(ALL.slice(4));
      expect(status.ran).toEqual([]);
      expect(migrateText(status, { status: true })).toContain('pending  0005-directory-version\n');
      const dry = await migrateDatabase(test.db, { dryRun: true });
      expect(dry.pending).toEqual(ALL.slice(4));
      expect(migrateText(dry, { dryRun: true })).toMatch(/would apply {2}0005-directory-version/);
      const applied = await migrateDatabase(test.db, {});
      expect(applied.ran).toEqual(ALL.slice(4));
      const again = await migrateDatabase(test.db, {});
      expect(again).toMatchObject({ pending: [], ran: [] });
      expect(migrateText(again, {})).toBe(`up to date (${ALL.length} migrations applied)\n`);
    } finally {
      await test.dispose();
    }
  });

  it('says when a newer Tandem migrated the database, and applies nothing', async () => {
    const test = await emptyDatabase(dialect);
    try {
      await migrateTo(test.db, '0001-initial');
      await sql`insert into kysely_migration (name, timestamp) values ('29990101T0000-future', '2999-01-01')`.execute(
        test.db.kysely,
      );
      const result = await migrateDatabase(test.db, {});
      expect(result.unknown).toEqual(['29990101T0000-future']);
      expect(result.ran).toEqual([]);
      expect(migrateText(result, {})).toMatch(/a newer Tandem migrated it; upgrade Tandem/);
    } finally {
      await test.dispose();
    }
  });
});

describe('tandem migrate exit codes', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-migrate-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const tandem = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/tandem.js', 'migrate', ...args], {
      encoding: 'utf8',
      cwd: new URL('..', import.meta.url),
    });

  it('exits 1 on --dry-run with migrations pending, 0 once applied, 2 for --status on no database', async () => {
    const file = path.join(folder, 'old.db');
    const db = openDatabase(file);
    await migrateTo(db, '0003-accounts');
    await db.close();
    expect(tandem('--dry-run', '--database', file).status).toBe(1);
    const apply = tandem('--database', file);
    expect(apply.status).toBe(0);
    expect(apply.stdout).toContain(`${ALL.length - 3} migration(s) applied`);
    expect(tandem('--dry-run', '--database', file).status).toBe(0);
    const none = tandem('--status', '--database', path.join(folder, 'none.db'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no database at .*none\.db/);
  }, 60_000);
});
