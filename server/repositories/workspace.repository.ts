import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { WorkspacesTable } from '../db/schema';
import { decodeBitsOf, encodeBits, type WithBooleans } from './decode';
import { prepared } from './prepared';

/**
 * A workspace as services see it: `rollupsPending` a boolean (stored 0/1). `settings` stays the
 * stored JSON text: `services/workspace-settings` parses, validates and remembers it by its text.
 */
export type WorkspaceRow = WithBooleans<Selectable<WorkspacesTable>, 'rollupsPending'>;
const BITS = ['rollupsPending'] as const;

/** Queries on `workspaces`. */
export class WorkspaceRepository {
  constructor(readonly db: Executor) {}

  async insert(row: WithBooleans<Insertable<WorkspacesTable>, 'rollupsPending'>): Promise<void> {
    await this.db.insertInto('workspaces').values(encodeBits(row, BITS)).execute();
  }

  find(id: string): Promise<WorkspaceRow | undefined> {
    return find(this.db, id).then((r) => decodeBitsOf(r.rows[0], BITS));
  }

  /** Writes settings when the version matches; returns whether a row changed. */
  async updateSettings(id: string, version: number, settings: string, name: string): Promise<boolean> {
    const result = await this.db
      .updateTable('workspaces')
      .set({ settings, name, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

const find = prepared((db, id: string) => db.selectFrom('workspaces').selectAll().where('id', '=', id));
