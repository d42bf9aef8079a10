import type { Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { CalendarFeedsTable } from '../db/schema';

export type CalendarFeedRow = Selectable<CalendarFeedsTable>;

/** Queries on `calendar_feeds`: one secret feed per person, by the SHA-256 of its secret. */
export class CalendarFeedRepository {
  constructor(readonly db: Executor) {}

  /** Sets a person's feed secret (a new one replaces the old at once). */
  async put(row: CalendarFeedRow): Promise<void> {
    await this.db
      .insertInto('calendarFeeds')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('personId')
          .doUpdateSet({ secretHash: row.secretHash, createdAt: row.createdAt, lastReadAt: null }),
      )
      .execute();
  }

  findByHash(secretHash: string): Promise<CalendarFeedRow | undefined> {
    return this.db
      .selectFrom('calendarFeeds')
      .selectAll()
      .where('secretHash', '=', secretHash)
      .executeTakeFirst();
  }

  /** Revokes a person's feed; false when they had none. */
  async delete(workspaceId: string, personId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('calendarFeeds')
      .where('workspaceId', '=', workspaceId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async touch(personId: string, at: number): Promise<void> {
    await this.db
      .updateTable('calendarFeeds')
      .set({ lastReadAt: at })
      .where('personId', '=', personId)
      .execute();
  }
}
