import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { serviceDeps } from '../server/services/context';
import { createServices } from '../server/services/index';
import { smallOrg } from '../server/test/fixtures';

const root = new URL('..', import.meta.url);
const tandem = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/tandem.js', ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', TANDEM_DATA_DIR: '' },
  });

describe('tandem backup and tandem restore', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-cli-backup-'));
  const live = path.join(folder, 'live.db');
  const file = path.join(folder, 'live.tandem-backup.gz');
  let workspaceId: string;

  beforeAll(async () => {
    const db = openDatabase(live);
    await migrateToLatest(db);
    workspaceId = (await smallOrg(createServices(serviceDeps(db)))).workspaceId;
    await db.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('backs up, restores into an empty database, refuses a full one without --force (1), and replaces it with --force', () => {
    const backup = tandem('backup', '--database', live, '--output', file);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(
      /^backed up .*live\.db \(\d+ tables, \d+ rows, schema at \d+ migrations\) to /,
    );

    const target = path.join(folder, 'restored', 'tandem.db');
    const restore = tandem('restore', file, '--database', target, '--json');
    expect(restore.status).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ status: 'restored', source: 'sqlite', migrated: [] });
    const db = openDatabase(target);
    const ids =
      db.native.dialect === 'sqlite' && db.native.database.prepare('select id from workspaces').pluck().all();
    void db.close();
    expect(ids).toEqual([workspaceId]);

    const again = tandem('restore', file, '--database', target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data \(.*workspaces: 1.*\); nothing was written.*--force/);
    expect(tandem('restore', file, '--database', target, '--force').status).toBe(0);
  }, 60_000);

  it('exits 2 for a file that is not a backup, a missing database or a missing output folder', () => {
    const junk = path.join(folder, 'junk.gz');
    writeFileSync(junk, 'not gzip');
    const bad = tandem('restore', junk, '--database', path.join(folder, 'other.db'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/junk\.gz is not a Tandem backup.*nothing was written/);
    const missing = tandem('backup', '--database', path.join(folder, 'nowhere.db'), '--output', file);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no database at .*nowhere\.db/);
    const noFolder = tandem(
      'backup',
      '--database',
      live,
      '--output',
      path.join(folder, 'no', 'such', 'x.gz'),
    );
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toMatch(/--output: the folder .* does not exist/);
    expect(tandem('backup', '--database', live).status).toBe(2);
    const compress = tandem('backup', '--database', live, '--output', file, '--compress', 'max');
    expect(compress.status).toBe(2);
    expect(compress.stderr).toMatch(/--compress: "max" is not one of none, fast, best/);
  }, 60_000);
});
