import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, emptyDatabase, type TestDatabase } from '../test/databases';
import { migrateTo, migrateToLatest } from './database';
import { MIGRATIONS } from './migrations/index';

describeEachDialect('migrations', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await emptyDatabase(dialect);
  });
  afterAll(() => test.dispose());

  it('upgrade a database made by migration 1, with data in it, to the latest', async () => {
    expect(await migrateTo(test.db, '0001-initial')).toEqual(['0001-initial']);
    const db = test.db.kysely;
    await sql`insert into workspaces (id, name, settings, version, created_at) values ('w', 'Old', '{}', 1, 1)`.execute(
      db,
    );
    await sql`insert into people (id, workspace_id, email, name, role, time_zone, is_active, created_at)
      values ('p', 'w', 'a@old.test', 'A', 'admin', 'UTC', 1, 1)`.execute(db);
    await sql`insert into cycles (id, workspace_id, name, kind, start_date, end_date, state, created_at)
      values ('c', 'w', '2026-Q4', 'quarter', '2026-10-01', '2026-12-31', 'active', 1)`.execute(db);
    await sql`insert into objectives (id, workspace_id, cycle_id, title, visibility, state, version, created_at, updated_at)
      values ('o', 'w', 'c', 'Old objective', 'workspace', 'active', 1, 1, 1)`.execute(db);
    await sql`insert into key_results (id, workspace_id, objective_id, title, measure, weight, plan, progress_source, created_at, updated_at)
      values ('k', 'w', 'o', 'Old KR', '{"type":"increase","start":0,"target":10}', 1, '[]', 'metric', 1, 1)`.execute(
      db,
    );
    for (const [id, seq, at] of [
      ['c1', 1, 100],
      ['c2', 2, 200],
    ] as const) {
      await sql`insert into check_ins (id, workspace_id, goal_type, goal_id, seq, at, value, author_id, source, created_at)
        values (${id}, 'w', 'key_result', 'k', ${seq}, ${at}, 4, 'p', 'web', ${at})`.execute(db);
    }

    expect(await migrateToLatest(test.db)).toEqual(Object.keys(MIGRATIONS).slice(1));
    const kr = await db.selectFrom('keyResults').selectAll().where('id', '=', 'k').executeTakeFirstOrThrow();
    expect(kr).toMatchObject({ title: 'Old KR', checkinCount: 2, latestCheckinAt: 200, score: null });
    await db
      .insertInto('idempotencyKeys')
      .values({ workspaceId: 'w', key: 'x', personId: 'p', response: '[]', createdAt: 1 })
      .execute();
    expect(await migrateToLatest(test.db)).toEqual([]);
  });
});

describe('the migration list', () => {
  const ids = Object.keys(MIGRATIONS);

  it('is in the order Kysely applies it (by name), with unique ids', () => {
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names new migrations by UTC timestamp; the seven numbered ones keep their names', () => {
    const numbered = ids.filter((id) => /^\d{4}-[a-z0-9-]+$/.test(id));
    expect(numbered).toEqual(ids.slice(0, 7));
    for (const id of ids.slice(7)) {
      const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$/.exec(id);
      expect(match, `${id} is named YYYYMMDDTHHMM-what`).not.toBeNull();
      const [, y, mo, d, h, mi] = match!.map(Number);
      const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
      expect(at.getUTCMonth() + 1, `${id} names a real instant`).toBe(mo);
      expect(at.getUTCDate()).toBe(d);
      expect(h! < 24 && mi! < 60).toBe(true);
    }
  });

  it('has one file per migration, named like its id', () => {
    const files = readdirSync(fileURLToPath(new URL('./migrations/', import.meta.url)))
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(ids);
  });
});

describeEachDialect('migrations merged out of order', (dialect) => {
  it('runs a migration that sorts before one already applied (two branches merged in either order)', async () => {
    const test = await emptyDatabase(dialect);
    try {
      const made: string[] = [];
      const step = (id: string) => ({
        up: async (db: Kysely<unknown>) => {
          made.push(id);
          await db.schema
            .createTable(`t_${id.replace(/\W/g, '_')}`)
            .addColumn('id', 'text')
            .execute();
        },
      });
      const later = { '20261201T2015-b': step('20261201T2015-b') };
      expect(await migrateToLatest(test.db, later)).toEqual(['20261201T2015-b']);
      const both = { '20261201T2000-a': step('20261201T2000-a'), ...later };
      expect(await migrateToLatest(test.db, both)).toEqual(['20261201T2000-a']);
      expect(made).toEqual(['20261201T2015-b', '20261201T2000-a']);
      expect(await migrateToLatest(test.db, both)).toEqual([]);
    } finally {
      await test.dispose();
    }
  });
});
