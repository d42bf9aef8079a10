import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../db/database';
import { prepared, preparedInsert, preparedUpdate } from './prepared';

describe('prepared', () => {
  it('compiles once and runs with each call’s own arguments, in and out of a transaction', async () => {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    const names = prepared((h, id: string) => h.selectFrom('workspaces').select('name').where('id', '=', id));
    const settings = '{}';
    await db.kysely
      .insertInto('workspaces')
      .values([
        { id: 'a', name: 'A', settings, version: 1, directoryVersion: 0, rollupsPending: 0, createdAt: 1 },
        { id: 'b', name: 'B', settings, version: 1, directoryVersion: 0, rollupsPending: 0, createdAt: 1 },
      ])
      .execute();
    expect((await names(db.kysely, 'a')).rows).toEqual([{ name: 'A' }]);
    expect((await names(db.kysely, 'b')).rows).toEqual([{ name: 'B' }]);
    await db.kysely.transaction().execute(async (trx) => {
      expect((await names(trx, 'b')).rows).toEqual([{ name: 'B' }]);
    });
    expect((await names(db.kysely, 'c')).rows).toEqual([]);
    await db.close();
  });

  it('refuses an argument that does not come out as a bound value', async () => {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    const bad = prepared((h, _id: string) => h.selectFrom('workspaces').select('name'));
    await expect(bad(db.kysely, 'a')).rejects.toThrow(/argument 0 is not a parameter/);
    await db.close();
  });

  it('inserts whole rows and updates listed columns by id, binding each call’s values (nulls too)', async () => {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    const insert = preparedInsert('workspaces', [
      'id',
      'name',
      'settings',
      'version',
      'directoryVersion',
      'rollupsPending',
      'createdAt',
    ]);
    const rename = preparedUpdate('workspaces', ['name', 'version']);
    for (const id of ['a', 'b'])
      await insert(db.kysely, {
        id,
        name: id.toUpperCase(),
        settings: '{}',
        version: 1,
        directoryVersion: 0,
        rollupsPending: 0,
        createdAt: 5,
      });
    await rename(db.kysely, 'b', { name: 'Bee', version: 2 });
    const rows = await db.kysely
      .selectFrom('workspaces')
      .select(['id', 'name', 'version'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'a', name: 'A', version: 1 },
      { id: 'b', name: 'Bee', version: 2 },
    ]);
    const note = preparedUpdate('objectives', ['description']);
    await expect(note(db.kysely, 'none', { description: null })).resolves.toBeDefined();
    await db.close();
  });

  it('returns rows exactly as Kysely with its camel-case plugin would, aliases included', async () => {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    await db.kysely
      .insertInto('workspaces')
      .values({
        id: 'a',
        name: 'A',
        settings: '{}',
        version: 3,
        directoryVersion: 7,
        rollupsPending: 1,
        createdAt: 9,
      })
      .execute();
    const query = (h: Parameters<Parameters<typeof prepared>[0]>[0], id: string) =>
      h
        .selectFrom('workspaces')
        .select(['id', 'directoryVersion', 'rollupsPending', 'createdAt as madeAt'])
        .where('id', '=', id);
    const fast = prepared(query);
    expect((await fast(db.kysely, 'a')).rows).toEqual(await query(db.kysely, 'a').execute());
    expect((await fast(db.kysely, 'a')).rows).toEqual([
      { id: 'a', directoryVersion: 7, rollupsPending: 1, madeAt: 9 },
    ]);
    await db.close();
  });
});
