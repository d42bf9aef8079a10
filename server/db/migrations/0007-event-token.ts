import type { Kysely } from 'kysely';

/**
 * Migration 7: `events.actor_token_id`, the personal API token a change was made with (null for
 * a change made in a signed-in session, by the CLI on the database, or by the system), so an
 * audit trail tells one integration of a person from another. Older events keep null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('actor_token_id', 'text').execute();
}
