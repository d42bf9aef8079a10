import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { WorkspacesTable } from '../db/schema';
import { prepared } from './prepared';

export type WorkspaceRow = Selectable<WorkspacesTable>;

/** Queries on `workspaces`. */
export class WorkspaceRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<WorkspacesTable>): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }

  find(id: string): Promise<WorkspaceRow | undefined> {
    return find(this.db, id).then((r) => r.rows[0]);
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
