import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EventsTable } from '../db/schema';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { insertRows } from './prepared';

describeEachDialect('insertRows', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    await test.db.kysely
      .insertInto('workspaces')
      .values({
        id: 'w',
        name: 'W',
        settings: '{}',
        version: 1,
        directoryVersion: 0,
        rollupsPending: 0,
        createdAt: 1,
      })
      .execute();
  });
  afterAll(() => test.dispose());

  const event = (i: number, edited?: number): EventsTable =>
    ({
      id: `e${String(i).padStart(4, '0')}`,
      workspaceId: 'w',
      actorType: 'person',
      actorId: i % 3 === 0 ? null : `p${i}`,
      actorTokenId: null,
      at: 1_000 + i,
      source: 'import',
      entityType: 'objective',
      entityId: `o${i % 17}`,
      action: 'created',
      before: null,
      after: JSON.stringify({ i, note: `it's "${i}"` }),
      ...(edited === undefined ? {} : { isEditedAfterClose: edited }),
    }) as EventsTable;

  it('writes every row of runs of any length with its own values, a column left out taking its default', async () => {
    // 300 rows without the flag (a statement of 256, then 32, 8 and 4), 5 with it, 301 without,
    // and one whose flag is undefined (left out, as Kysely leaves it).
    const rows = [
      ...Array.from({ length: 300 }, (_, i) => event(i)),
      ...Array.from({ length: 5 }, (_, i) => event(300 + i, 1)),
      ...Array.from({ length: 301 }, (_, i) => event(305 + i)),
      { ...event(606), isEditedAfterClose: undefined } as unknown as EventsTable,
    ];
    await test.db.kysely.transaction().execute((trx) => insertRows(trx, 'events', rows));
    const stored = await test.db.kysely.selectFrom('events').selectAll().orderBy('id').execute();
    expect(stored).toHaveLength(607);
    expect(stored.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    for (const [i, row] of stored.entries()) {
      expect(row.actorId).toBe(i % 3 === 0 ? null : `p${i}`);
      expect(Number(row.at)).toBe(1_000 + i);
      expect(row.entityId).toBe(`o${i % 17}`);
      expect(JSON.parse(row.after!)).toEqual({ i, note: `it's "${i}"` });
      expect(Number(row.isEditedAfterClose)).toBe(i >= 300 && i < 305 ? 1 : 0);
    }
    await insertRows(test.db.kysely, 'events', []);
    expect(await test.db.kysely.selectFrom('events').select('id').execute()).toHaveLength(607);
  });

  it('writes nothing of a call whose row is refused, inside the caller’s transaction', async () => {
    const rows = [event(700), event(701), { ...event(702), workspaceId: 'nowhere' }];
    await expect(
      test.db.kysely.transaction().execute((trx) => insertRows(trx, 'events', rows)),
    ).rejects.toThrow();
    const left = await test.db.kysely.selectFrom('events').select('id').where('id', '>=', 'e0700').execute();
    expect(left).toEqual([]);
  });
});
