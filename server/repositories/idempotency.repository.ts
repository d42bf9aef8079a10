import type { Executor } from '../db/database';

/** Queries on `idempotency_keys`: the first result stored under each key. */
export class IdempotencyRepository {
  constructor(readonly db: Executor) {}

  /** The stored response (JSON text) for a key, if it was used. */
  async find(workspaceId: string, key: string): Promise<{ personId: string; response: string } | undefined> {
    return this.db
      .selectFrom('idempotencyKeys')
      .select(['personId', 'response'])
      .where('workspaceId', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /**
   * Claims a key; returns false when another writer claimed it first (the unique key settles
   * races on both dialects).
   */
  async claim(
    workspaceId: string,
    key: string,
    personId: string,
    response: string,
    at: number,
  ): Promise<boolean> {
    const result = await this.db
      .insertInto('idempotencyKeys')
      .values({ workspaceId, key, personId, response, createdAt: at })
      .onConflict((oc) => oc.columns(['workspaceId', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}
