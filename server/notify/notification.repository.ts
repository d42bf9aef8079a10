import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { NotificationPreferencesTable, NotificationsTable } from '../db/schema';

export type NotificationRow = Selectable<NotificationsTable>;
export type PreferencesRow = Selectable<NotificationPreferencesTable>;

/** Every query of the notification log and of people's notification preferences. */
export class NotificationRepository {
  constructor(readonly db: Executor) {}

  /**
   * Records an outcome. A keyed row is written once and updated by later attempts (its state,
   * attempts, error); an unkeyed one (a test email) is always new.
   */
  async record(row: Insertable<NotificationsTable>): Promise<void> {
    await this.db
      .insertInto('notifications')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          state: row.state,
          attempts: row.attempts,
          error: row.error ?? null,
          destination: row.destination,
          subject: row.subject,
          updatedAt: row.updatedAt,
          sentAt: row.sentAt ?? null,
        }),
      )
      .execute();
  }

  /**
   * Records many outcomes in one statement, as `record` does each (a keyed row written once, then
   * updated by later attempts).
   */
  async recordMany(rows: readonly Insertable<NotificationsTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await this.db
        .insertInto('notifications')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            attempts: eb.ref('excluded.attempts'),
            error: eb.ref('excluded.error'),
            destination: eb.ref('excluded.destination'),
            subject: eb.ref('excluded.subject'),
            updatedAt: eb.ref('excluded.updatedAt'),
            sentAt: eb.ref('excluded.sentAt'),
          })),
        )
        .execute();
  }

  /** Which of these keys were already sent. */
  async sentKeys(keys: readonly string[]): Promise<Set<string>> {
    const sent = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db
        .selectFrom('notifications')
        .select('key')
        .where('key', 'in', keys.slice(i, i + 500))
        .where('state', '=', 'sent')
        .execute();
      for (const row of rows) if (row.key !== null) sent.add(row.key);
    }
    return sent;
  }

  /** Whether a keyed message was already sent. */
  async isSent(key: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('notifications')
      .select('state')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.state === 'sent';
  }

  /** A workspace's log, newest first, after a `createdAt:id` position; one more than `limit` to tell a next page. */
  async list(
    workspaceId: string,
    query: {
      after?: { createdAt: number; id: string } | undefined;
      limit: number;
      state?: string | undefined;
    },
  ): Promise<NotificationRow[]> {
    let q = this.db.selectFrom('notifications').selectAll().where('workspaceId', '=', workspaceId);
    if (query.state) q = q.where('state', '=', query.state as NotificationRow['state']);
    const after = query.after;
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('createdAt', '<', after.createdAt),
          eb.and([eb('createdAt', '=', after.createdAt), eb('id', '<', after.id)]),
        ]),
      );
    const rows = await q
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    return rows.map((r) => ({
      ...r,
      createdAt: Number(r.createdAt),
      updatedAt: Number(r.updatedAt),
      sentAt: r.sentAt === null ? null : Number(r.sentAt),
    }));
  }

  async findPreferences(personId: string): Promise<PreferencesRow | undefined> {
    const row = await this.db
      .selectFrom('notificationPreferences')
      .selectAll()
      .where('personId', '=', personId)
      .executeTakeFirst();
    return row && { ...row, pausedUntil: row.pausedUntil === null ? null : Number(row.pausedUntil) };
  }

  /** Every preference row of a workspace, by person. */
  async preferencesOf(workspaceId: string): Promise<Map<string, PreferencesRow>> {
    const rows = await this.db
      .selectFrom('notificationPreferences')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .execute();
    return new Map(
      rows.map((r) => [
        r.personId,
        { ...r, pausedUntil: r.pausedUntil === null ? null : Number(r.pausedUntil) },
      ]),
    );
  }

  /** The preference rows of some people, by person (those with none are left out). */
  async preferencesOfMany(personIds: readonly string[]): Promise<Map<string, PreferencesRow>> {
    const out = new Map<string, PreferencesRow>();
    for (let i = 0; i < personIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('notificationPreferences')
        .selectAll()
        .where('personId', 'in', personIds.slice(i, i + 500))
        .execute();
      for (const r of rows)
        out.set(r.personId, { ...r, pausedUntil: r.pausedUntil === null ? null : Number(r.pausedUntil) });
    }
    return out;
  }

  async savePreferences(row: NotificationPreferencesTable): Promise<void> {
    await this.db
      .insertInto('notificationPreferences')
      .values(row)
      .onConflict((oc) =>
        oc.column('personId').doUpdateSet({
          channels: row.channels,
          pausedUntil: row.pausedUntil,
          updatedAt: row.updatedAt,
        }),
      )
      .execute();
  }
}
