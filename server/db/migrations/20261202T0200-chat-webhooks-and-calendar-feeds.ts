import type { Kysely } from 'kysely';

/**
 * `chat_webhooks`: the Slack and Microsoft Teams incoming-webhook URLs of a workspace (`unit_id`
 * null) or of one unit. The URL is the credential of the channel, so it is stored as is (sending
 * needs it) and never shown back in full. `calendar_feeds`: one secret iCalendar feed per person;
 * only the SHA-256 of the secret is stored, like API tokens; rotating replaces the row's hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('chat_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // A recipient's destinations: a workspace's webhooks of one kind.
  await s
    .createIndex('chat_webhooks_workspace')
    .on('chat_webhooks')
    .columns(['workspace_id', 'kind'])
    .execute();

  await s
    .createTable('calendar_feeds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_read_at', 'bigint')
    .execute();
}
