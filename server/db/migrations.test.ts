import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
