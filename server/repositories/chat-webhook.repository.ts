import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { ChatWebhooksTable } from '../db/schema';

export type ChatWebhookRow = Selectable<ChatWebhooksTable>;

/** Queries on `chat_webhooks`, the Slack and Teams incoming webhooks of workspaces and units. */
export class ChatWebhookRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<ChatWebhooksTable>): Promise<void> {
    await this.db.insertInto('chatWebhooks').values(row).execute();
  }

  find(workspaceId: string, id: string): Promise<ChatWebhookRow | undefined> {
    return this.db
      .selectFrom('chatWebhooks')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** One webhook by id alone (a channel sending to a destination it named earlier). */
  findById(id: string): Promise<ChatWebhookRow | undefined> {
    return this.db.selectFrom('chatWebhooks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A workspace's webhooks, oldest first; of one kind when given. */
  list(workspaceId: string, kind?: ChatWebhooksTable['kind']): Promise<ChatWebhookRow[]> {
    let query = this.db.selectFrom('chatWebhooks').selectAll().where('workspaceId', '=', workspaceId);
    if (kind) query = query.where('kind', '=', kind);
    return query.orderBy('createdAt').orderBy('id').execute();
  }

  /** Deletes a webhook; false when there was none. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('chatWebhooks')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
