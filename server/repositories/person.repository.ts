import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { PeopleTable } from '../db/schema';
import { decodeBits, decodeBitsOf, encodeBits, type WithBooleans } from './decode';
import { prepared } from './prepared';

/** A person as services see it: `isActive` a boolean (stored 0/1). */
export type PersonRow = WithBooleans<Selectable<PeopleTable>, 'isActive'>;
const BITS = ['isActive'] as const;

/** Queries on `people`. */
export class PersonRepository {
  constructor(readonly db: Executor) {}

  async insert(row: WithBooleans<Insertable<PeopleTable>, 'isActive'>): Promise<void> {
    await this.db.insertInto('people').values(encodeBits(row, BITS)).execute();
  }

  find(workspaceId: string, id: string): Promise<PersonRow | undefined> {
    return find(this.db, workspaceId, id).then((r) => decodeBitsOf(r.rows[0], BITS));
  }

  /** Several people of a workspace at once (unknown ids are left out). */
  async findMany(workspaceId: string, ids: readonly string[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('people')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', 'in', ids)
      .execute()
      .then((rows) => decodeBits(rows, BITS));
  }

  findByEmail(workspaceId: string, email: string): Promise<PersonRow | undefined> {
    return this.db
      .selectFrom('people')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('email', '=', email)
      .executeTakeFirst()
      .then((row) => decodeBitsOf(row, BITS));
  }

  list(workspaceId: string): Promise<PersonRow[]> {
    return this.db
      .selectFrom('people')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .orderBy('email')
      .execute()
      .then((rows) => decodeBits(rows, BITS));
  }

  async update(
    workspaceId: string,
    id: string,
    patch: WithBooleans<Updateable<PeopleTable>, 'isActive'> | Omit<Updateable<PeopleTable>, 'isActive'>,
  ): Promise<void> {
    await this.db
      .updateTable('people')
      .set(encodeBits(patch, BITS))
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Ids of the people a person manages directly. */
  async reportsOf(workspaceId: string, managerId: string): Promise<string[]> {
    const { rows } = await reportsOf(this.db, workspaceId, managerId);
    return rows.map((r) => r.id);
  }

  /** The chain of managers above a person, nearest first (to refuse management cycles). */
  async managerChain(workspaceId: string, id: string): Promise<string[]> {
    const chain: string[] = [];
    let current: string | null = id;
    while (current && chain.length < 10_000) {
      const row: { managerId: string | null } | undefined = await this.db
        .selectFrom('people')
        .select('managerId')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', current)
        .executeTakeFirst();
      current = row?.managerId ?? null;
      if (current) {
        if (chain.includes(current)) break;
        chain.push(current);
      }
    }
    return chain;
  }

  /**
   * Ends a person's access: deletes their sign-in sessions and revokes their API tokens (a
   * deactivated person signs in again, and makes new tokens, once reactivated).
   */
  async endAccess(workspaceId: string, id: string, at: number): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where('workspaceId', '=', workspaceId)
      .where('personId', '=', id)
      .execute();
    await this.db
      .updateTable('apiTokens')
      .set({ revokedAt: at })
      .where('workspaceId', '=', workspaceId)
      .where('personId', '=', id)
      .where('revokedAt', 'is', null)
      .execute();
  }

  /** The ids of the workspace's deactivated people (former owners). */
  async inactiveOf(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('people')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('isActive', '=', 0)
      .execute();
    return rows.map((r) => r.id);
  }
}

const find = prepared((db, workspaceId: string, id: string) =>
  db.selectFrom('people').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id),
);
const reportsOf = prepared((db, workspaceId: string, managerId: string) =>
  db
    .selectFrom('people')
    .select('id')
    .where('workspaceId', '=', workspaceId)
    .where('managerId', '=', managerId),
);
