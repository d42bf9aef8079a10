import type { Executor } from '../db/database';
import { chunksOf } from './chunks';

/** Queries on `idempotency_keys`: the first result stored under each key. */
export class IdempotencyRepository {
  constructor(readonly db: Executor) {}

  /** The stored response (parsed; stored as JSON text) for a key, if it was used. */
  async find(workspaceId: string, key: string): Promise<{ personId: string; response: unknown } | undefined> {
    const row = await this.db
      .selectFrom('idempotencyKeys')
      .select(['personId', 'response'])
      .where('workspaceId', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && { personId: row.personId, response: JSON.parse(row.response) as unknown };
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

  /** `claim` of several keys in one statement; returns how many were claimed (the others were taken). */
  async claimMany(
    rows: readonly {
      workspaceId: string;
      key: string;
      personId: string;
      response: string;
      createdAt: number;
    }[],
  ): Promise<number> {
    let claimed = 0;
    for (const chunk of chunksOf(rows)) {
      const result = await this.db
        .insertInto('idempotencyKeys')
        .values(chunk)
        .onConflict((oc) => oc.columns(['workspaceId', 'key']).doNothing())
        .executeTakeFirst();
      claimed += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return claimed;
  }
}
