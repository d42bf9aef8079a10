import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { UnitMembersTable, UnitsTable } from '../db/schema';
import { bit, decodeBits, type WithBooleans } from './decode';
import { prepared } from './prepared';

export type UnitRow = Selectable<UnitsTable>;
/** A membership as services see it: `isLead` a boolean (stored 0/1). */
export type UnitMemberRow = WithBooleans<Selectable<UnitMembersTable>, 'isLead'>;
const BITS = ['isLead'] as const;

/** Queries on `units` and `unit_members`. */
export class UnitRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<UnitsTable>): Promise<void> {
    await this.db.insertInto('units').values(row).execute();
  }

  find(workspaceId: string, id: string): Promise<UnitRow | undefined> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  list(workspaceId: string): Promise<UnitRow[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .orderBy('name')
      .execute();
  }

  /** Root units (the company). */
  roots(workspaceId: string): Promise<UnitRow[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('parentId', 'is', null)
      .execute();
  }

  async setParent(workspaceId: string, id: string, parentId: string | null): Promise<void> {
    await this.db
      .updateTable('units')
      .set({ parentId })
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Ids of a unit and every unit above it, nearest first (a recursive query on both dialects). */
  async ancestors(workspaceId: string, id: string): Promise<string[]> {
    const rows = await this.db
      .withRecursive('up(id, parentId, depth)', (qb) =>
        qb
          .selectFrom('units')
          .select(['id', 'parentId', (eb) => eb.lit(0).as('depth')])
          .where('workspaceId', '=', workspaceId)
          .where('id', '=', id)
          .unionAll((qb2) =>
            qb2
              .selectFrom('units')
              .innerJoin('up', 'up.parentId', 'units.id')
              .select(['units.id', 'units.parentId', (eb) => eb(eb.ref('up.depth'), '+', 1).as('depth')]),
          ),
      )
      .selectFrom('up')
      .select('id')
      .orderBy('depth')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ids of the given units and every unit below them. */
  async descendants(workspaceId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    if (ids.length === 1) return (await descendantsOf(this.db, workspaceId, ids[0]!)).rows.map((r) => r.id);
    const rows = await descendantsQuery(this.db, workspaceId, ids).execute();
    return rows.map((r) => r.id);
  }

  async setMember(member: WithBooleans<Insertable<UnitMembersTable>, 'isLead'>): Promise<void> {
    const row = { ...member, isLead: bit(member.isLead) };
    await this.db
      .insertInto('unitMembers')
      .values(row)
      .onConflict((oc) => oc.columns(['unitId', 'personId']).doUpdateSet({ isLead: row.isLead }))
      .execute();
  }

  async removeMember(unitId: string, personId: string): Promise<void> {
    await this.db
      .deleteFrom('unitMembers')
      .where('unitId', '=', unitId)
      .where('personId', '=', personId)
      .execute();
  }

  membershipsOf(personId: string): Promise<UnitMemberRow[]> {
    return membershipsOf(this.db, personId).then((r) => decodeBits(r.rows, BITS));
  }

  members(unitId: string): Promise<UnitMemberRow[]> {
    return this.db
      .selectFrom('unitMembers')
      .selectAll()
      .where('unitId', '=', unitId)
      .execute()
      .then((rows) => decodeBits(rows, BITS));
  }

  /** The units of several people (their memberships, leads included). */
  membershipsOfMany(personIds: readonly string[]): Promise<UnitMemberRow[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('unitMembers')
      .selectAll()
      .where('personId', 'in', personIds)
      .execute()
      .then((rows) => decodeBits(rows, BITS));
  }

  /** Deletes a unit (its memberships go with it, by the foreign key). */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('units').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
  }

  /** The units right below one. */
  children(workspaceId: string, id: string): Promise<UnitRow[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('parentId', '=', id)
      .execute();
  }
}

const descendantsQuery = (db: Executor, workspaceId: string, ids: readonly string[]) =>
  db
    .withRecursive('down(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('id')
        .where('workspaceId', '=', workspaceId)
        .where('id', 'in', ids)
        // `down` first, in a cross join (SQLite keeps that order): each step then looks up the
        // children by (workspace, parent) instead of scanning the workspace's units for them,
        // which was a tenth of a check-in's time (the actor's scope) on the medium organisation.
        .union((qb2) =>
          qb2
            .selectFrom('down')
            .crossJoin('units')
            .whereRef('units.parentId', '=', 'down.id')
            .where('units.workspaceId', '=', workspaceId)
            .select('units.id'),
        ),
    )
    .selectFrom('down')
    .select('id');
const descendantsOf = prepared((db, workspaceId: string, id: string) =>
  descendantsQuery(db, workspaceId, [id]),
);
const membershipsOf = prepared((db, personId: string) =>
  db.selectFrom('unitMembers').selectAll().where('personId', '=', personId),
);
