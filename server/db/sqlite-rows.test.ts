import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { type Db, openDatabase } from './database';

/**
 * SQLite rows are read as arrays and made into camel-case objects by the statement cache
 * (decision 0013), with the plugin's result pass switched off: the rows must be those the plugin
 * gave, whatever the query (builder, raw SQL, aliases, joins, streams), and a schema change must
 * not leave a kept `select *` with its old columns.
 */

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const open = async () => {
  db = openDatabase(':memory:');
  await sql`create table check_ins (id text primary key, goal_id text, at integer, is_done integer, note text)`.execute(
    db.kysely,
  );
  await sql`create table goals (id text primary key, title text)`.execute(db.kysely);
  await sql`insert into check_ins values ('c1', 'g1', 10, 1, null), ('c2', 'g1', 20, 0, 'two')`.execute(
    db.kysely,
  );
  await sql`insert into goals values ('g1', 'First')`.execute(db.kysely);
  return db.kysely as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
};

it('names columns in camel case, as the plugin did, for the builder and raw SQL alike', async () => {
  const k = await open();
  const built = await k.selectFrom('checkIns').selectAll().orderBy('at').execute();
  expect(built).toEqual([
    { id: 'c1', goalId: 'g1', at: 10, isDone: 1, note: null },
    { id: 'c2', goalId: 'g1', at: 20, isDone: 0, note: 'two' },
  ]);
  // Keys in their column order, values of every SQLite type kept as they are.
  expect(Object.keys(built[0]!)).toEqual(['id', 'goalId', 'at', 'isDone', 'note']);
  const raw = await sql<
    Record<string, unknown>
  >`select goal_id, count(*) as n, max(at) as "lastAt", x'00ff' as blob_value from check_ins group by goal_id`.execute(
    k,
  );
  expect(raw.rows).toEqual([{ goalId: 'g1', n: 2, lastAt: 20, blobValue: Buffer.from([0, 255]) }]);
  // A column name that would break generated code is only a key.
  const odd = await sql<Record<string, unknown>>`select 1 as "a""b", 2 as "}); throw 1; ({"`.execute(k);
  expect(odd.rows).toEqual([{ 'a"b': 1, '}); throw 1; ({': 2 }]);
});

it('keeps the last of two columns of one name, as better-sqlite3 objects did', async () => {
  const k = await open();
  const rows = await k
    .selectFrom('checkIns')
    .innerJoin('goals', 'goals.id', 'checkIns.goalId')
    .select(['checkIns.id', 'goals.id', 'goals.title'])
    .where('checkIns.id', '=', 'c1')
    .execute();
  expect(rows).toEqual([{ id: 'g1', title: 'First' }]);
});

it('names the rows of streams, returning clauses and empty results', async () => {
  const k = await open();
  const streamed = [];
  for await (const row of k.selectFrom('checkIns').select(['goalId', 'at']).orderBy('at').stream())
    streamed.push(row);
  expect(streamed).toEqual([
    { goalId: 'g1', at: 10 },
    { goalId: 'g1', at: 20 },
  ]);
  const inserted = await k
    .insertInto('checkIns')
    .values({ id: 'c3', goalId: 'g2', at: 30, isDone: 0, note: null })
    .returning(['id', 'goalId'])
    .execute();
  expect(inserted).toEqual([{ id: 'c3', goalId: 'g2' }]);
  expect(await k.selectFrom('checkIns').selectAll().where('id', '=', 'none').execute()).toEqual([]);
  const updated = await k
    .updateTable('checkIns')
    .set({ note: 'x' })
    .where('goalId', '=', 'g1')
    .executeTakeFirst();
  expect(Number(updated.numUpdatedRows)).toBe(2);
});

it('reads a kept select * with the columns a schema change added', async () => {
  const k = await open();
  const read = () => k.selectFrom('goals').selectAll().execute();
  expect(await read()).toEqual([{ id: 'g1', title: 'First' }]);
  await sql`alter table goals add column due_date text`.execute(k);
  await sql`update goals set due_date = '2026-12-31'`.execute(k);
  expect(await read()).toEqual([{ id: 'g1', title: 'First', dueDate: '2026-12-31' }]);
});
