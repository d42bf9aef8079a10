import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serviceDeps } from '../services/context';
import { createServices } from '../services/index';
import {
  type DialectUnderTest,
  describeEachDialect,
  emptyDatabase,
  freshDatabase,
  PG_URL,
  type TestDatabase,
} from '../test/databases';
import { smallOrg } from '../test/fixtures';
import { backupDatabase } from './backup';
import { BackupFileError } from './backup-file';
import { postgresTables, quote, sqliteTables } from './catalogue';
import { type Db, migrateToLatest, openDatabase } from './database';
import { restoreDatabase } from './restore';

const writerScript = fileURLToPath(new URL('../test/check-in-writer-process.ts', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'tandem-backup-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let n = 0;
const scratch = (name: string) => path.join(folder, `${n++}-${name}`);

/** Every row of every table, sorted, for comparing two databases. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  if (db.native.dialect === 'sqlite') {
    const sqlite = db.native.database;
    for (const t of sqliteTables(sqlite)) {
      const rows = sqlite
        .prepare(`select ${t.columns.map(quote).join(', ')} from ${quote(t.name)}`)
        .raw()
        .all();
      result[t.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
  } else {
    const pool = db.native.pool;
    for (const t of await postgresTables(pool)) {
      const { rows } = await pool.query({
        text: `select ${t.columns.map(quote).join(', ')} from ${quote(t.name)}`,
        rowMode: 'array',
      });
      result[t.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
  }
  return result;
}

/** A database holding the small organisation with a few check-ins. */
async function populated(
  dialect: DialectUnderTest,
  location?: string,
): Promise<{ test: TestDatabase; org: Awaited<ReturnType<typeof smallOrg>> }> {
  let test: TestDatabase;
  if (location) {
    const db = openDatabase(location);
    await migrateToLatest(db);
    test = { db, location, dispose: () => db.close() };
  } else test = await freshDatabase(dialect);
  const services = createServices(serviceDeps(test.db));
  const org = await smallOrg(services);
  for (const value of [10, 25, 40])
    await services.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value,
      confidence: 7,
    });
  return { test, org };
}

describeEachDialect('backup and restore', (dialect) => {
  let source: TestDatabase;
  let file: string;

  beforeAll(async () => {
    source = (await populated(dialect)).test;
    file = scratch('small.tandem-backup.gz');
    const result = await backupDatabase(source.db, file);
    expect(result.rows).toBeGreaterThan(20);
  });
  afterAll(() => source?.dispose());

  it('restores every row of every table into an empty database', async () => {
    const target = await emptyDatabase(dialect);
    try {
      const result = await restoreDatabase(target.db, file);
      expect(result.status).toBe('restored');
      expect(await contents(target.db)).toEqual(await contents(source.db));
    } finally {
      await target.dispose();
    }
  });

  it('writes plain JSON lines with compress none and the smallest gzip with best; both restore the same', async () => {
    for (const compress of ['none', 'best'] as const) {
      const other = scratch(`small-${compress}.tandem-backup`);
      const result = await backupDatabase(source.db, other, { compress });
      expect(result.compression).toBe(compress);
      const bytes = readFileSync(other);
      // Gzip's magic bytes, or the header line in the clear.
      if (compress === 'none') expect(bytes.subarray(0, 25).toString()).toBe('{"format":"tandem-backup"');
      else expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      const target = await emptyDatabase(dialect);
      try {
        expect((await restoreDatabase(target.db, other)).status).toBe('restored');
        expect(await contents(target.db)).toEqual(await contents(source.db));
      } finally {
        await target.dispose();
      }
    }
  });

  it('refuses a database that holds data without force, and replaces it with force', async () => {
    const target = (await populated(dialect)).test;
    try {
      const refused = await restoreDatabase(target.db, file);
      expect(refused.status).toBe('not_empty');
      expect(refused.status === 'not_empty' && refused.tables.map((t) => t.name)).toContain('workspaces');
      const forced = await restoreDatabase(target.db, file, { force: true });
      expect(forced.status).toBe('restored');
      expect(await contents(target.db)).toEqual(await contents(source.db));
    } finally {
      await target.dispose();
    }
  });

  it('writes nothing from a file cut short, of another version, or not a backup', async () => {
    const lines = gunzipSync(readFileSync(file)).toString().split('\n');
    const cut = scratch('cut.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join('\n')));
    const future = scratch('future.gz');
    writeFileSync(
      future,
      gzipSync([lines[0]!.replace('"version":1', '"version":99'), ...lines.slice(1)].join('\n')),
    );
    const newer = scratch('newer.gz');
    writeFileSync(
      newer,
      gzipSync(
        [
          lines[0]!.replace('"migrations":[', '"migrations":["29990101T0000-future",'),
          ...lines.slice(1),
        ].join('\n'),
      ),
    );
    const text = scratch('plain.txt');
    writeFileSync(text, 'hello');
    const cases: [string, RegExp][] = [
      [cut, /cut short|no end marker|rows/],
      [future, /version 99 backup/],
      [newer, /newer Tandem.*29990101T0000-future/],
      [text, /not a Tandem backup/],
    ];
    for (const [bad, reason] of cases) {
      const target = await emptyDatabase(dialect);
      try {
        await expect(restoreDatabase(target.db, bad)).rejects.toThrow(reason);
        await expect(restoreDatabase(target.db, bad)).rejects.toBeInstanceOf(BackupFileError);
        const held = Object.values(await contents(target.db)).flat();
        expect(held).toEqual([]);
      } finally {
        await target.dispose();
      }
    }
  });

  it('backs up while check-ins are written, and the restore has every acknowledged one and nothing half-written', async () => {
    const location = dialect === 'sqlite' ? scratch('live.db') : undefined;
    const { test, org } = location ? await populated('sqlite', location) : await populated('postgres');
    const acks: { id: string; at: number }[] = [];
    let writer: ChildProcess | undefined;
    try {
      writer = spawn(process.execPath, ['--import', 'tsx', writerScript], {
        env: {
          ...process.env,
          TANDEM_TEST_DB: test.location,
          TANDEM_TEST_WORKSPACE: org.workspaceId,
          TANDEM_TEST_PERSON: org.admin.personId,
          TANDEM_TEST_KRS: org.krId,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let buffered = '';
      writer.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines)
          if (line.startsWith('ack ')) acks.push({ id: line.split(' ')[1]!, at: Date.now() });
      });
      const until = Date.now() + 30_000;
      while (acks.length < 50) {
        if (Date.now() > until) throw new Error('the writer wrote nothing');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const backupStarted = Date.now();
      const live = scratch('live.tandem-backup.gz');
      await backupDatabase(test.db, live);
      const writtenDuring = acks.filter((a) => a.at >= backupStarted).length;
      const acknowledged = acks.filter((a) => a.at < backupStarted).map((a) => a.id);
      writer.kill('SIGTERM');
      await new Promise((resolve) => writer!.once('exit', resolve));

      const target = await emptyDatabase(dialect);
      try {
        expect(await restoreDatabase(target.db, live)).toMatchObject({ status: 'restored' });
        const restored = await target.db.kysely
          .selectFrom('checkIns')
          .select(['id', 'goalId', 'value', 'seq'])
          .execute();
        const ids = new Set(restored.map((c) => c.id));
        expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
        // Nothing half-written: the goal's rollup agrees with the check-ins the snapshot holds.
        const kr = await target.db.kysely
          .selectFrom('keyResults')
          .select(['checkinCount', 'latestValue'])
          .where('id', '=', org.krId)
          .executeTakeFirstOrThrow();
        const ofKr = restored.filter((c) => c.goalId === org.krId).sort((a, b) => a.seq - b.seq);
        expect(kr.checkinCount).toBe(ofKr.length);
        expect(kr.latestValue).toBe(ofKr.at(-1)!.value);
        const events = await target.db.kysely
          .selectFrom('events')
          .select('entityId')
          .where('entityType', '=', 'check_in')
          .execute();
        if (events.length > 0) expect(new Set(events.map((e) => e.entityId))).toEqual(ids);
        console.log(
          `${dialect}: ${acknowledged.length} check-ins acknowledged before the backup, ${writtenDuring} during it`,
        );
      } finally {
        await target.dispose();
      }
    } finally {
      if (writer && writer.exitCode === null) writer.kill('SIGKILL');
      await test.dispose();
    }
  }, 60_000);

  if (dialect === 'postgres' || PG_URL)
    it('moves between SQLite and PostgreSQL both ways', async () => {
      const other: DialectUnderTest = dialect === 'sqlite' ? 'postgres' : 'sqlite';
      const there = await emptyDatabase(other);
      const back = await emptyDatabase(dialect);
      try {
        expect((await restoreDatabase(there.db, file)).status).toBe('restored');
        const again = scratch('moved.gz');
        await backupDatabase(there.db, again);
        expect((await restoreDatabase(back.db, again)).status).toBe('restored');
        expect(await contents(there.db)).toEqual(await contents(source.db));
        expect(await contents(back.db)).toEqual(await contents(source.db));
      } finally {
        await there.dispose();
        await back.dispose();
      }
    });
});
