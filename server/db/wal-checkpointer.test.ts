import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from './database';
import { startWalCheckpointer } from './wal-checkpointer';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

it('checkpoints the WAL from a worker thread, not at commit, and hands checkpoints back when stopped', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'tandem-wal-'));
  folders.push(folder);
  const file = join(folder, 'tandem.db');
  const db = openDatabase(file);
  if (db.native.dialect !== 'sqlite') throw new Error('expected SQLite');
  const sqlite = db.native.database;
  sqlite.exec('create table t (id integer primary key, body text)');
  const checkpointer = startWalCheckpointer(db, file, pino({ level: 'silent' }), 50);
  expect(checkpointer).toBeDefined();
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  const before = statSync(file).size;
  const insert = sqlite.prepare('insert into t (body) values (?)');
  // About 8 MB: far past SQLite's own 1,000-page threshold, yet the commits leave it in the WAL.
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(4000));
  })();
  expect(statSync(file).size).toBe(before);
  // The worker copies the WAL into the database file by itself.
  const deadline = Date.now() + 5000;
  while (statSync(file).size < before + 8_000_000 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(statSync(file).size).toBeGreaterThan(before + 8_000_000);
  await checkpointer!.stop();
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  await db.close();
});

it('does nothing for an in-memory database', async () => {
  const db = openDatabase(':memory:');
  expect(startWalCheckpointer(db, ':memory:', pino({ level: 'silent' }))).toBeUndefined();
  await db.close();
});
