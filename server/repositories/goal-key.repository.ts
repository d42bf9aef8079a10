import type { Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { GoalKeysTable } from '../db/schema';
import { insertRows } from './prepared';

export type GoalKeyRow = Selectable<GoalKeysTable>;

/** Queries on `goal_keys`: the key of each goal in goals files, per cycle. */
export class GoalKeyRepository {
  constructor(readonly db: Executor) {}

  /** Every key of a cycle. */
  forCycle(workspaceId: string, cycleId: string): Promise<GoalKeyRow[]> {
    return this.db
      .selectFrom('goalKeys')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('cycleId', '=', cycleId)
      .execute();
  }

  /** Gives a goal its key, replacing whatever held the key or the goal before. */
  async set(row: GoalKeyRow): Promise<void> {
    await this.db
      .deleteFrom('goalKeys')
      .where((eb) =>
        eb.or([
          eb('goalId', '=', row.goalId),
          eb.and([
            eb('workspaceId', '=', row.workspaceId),
            eb('cycleId', '=', row.cycleId),
            eb('key', '=', row.key),
          ]),
        ]),
      )
      .execute();
    await this.db.insertInto('goalKeys').values(row).execute();
  }

  /** `set` for many goals of one cycle at once (an import): a few statements in all. */
  async setMany(workspaceId: string, cycleId: string, rows: readonly GoalKeyRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const slice = rows.slice(i, i + 5000);
      await this.db
        .deleteFrom('goalKeys')
        .where(
          'goalId',
          'in',
          slice.map((r) => r.goalId),
        )
        .execute();
      await this.db
        .deleteFrom('goalKeys')
        .where('workspaceId', '=', workspaceId)
        .where('cycleId', '=', cycleId)
        .where(
          'key',
          'in',
          slice.map((r) => r.key),
        )
        .execute();
    }
    await insertRows(this.db, 'goalKeys', rows);
  }
}
