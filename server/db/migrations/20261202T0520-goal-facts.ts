import type { Kysely } from 'kysely';
import { fillGoalFacts } from '../goal-facts';

/**
 * `facts` on `key_results` and `smart_goals`: JSON of the facts of a measured goal's check-ins
 * that do not move with the clock (core's `MeasuredFacts`: latest value and time, latest
 * confidence, flatness, the forecast's least-squares sums), with the check-in count, a hash of the measure and
 * the window they were computed for. The rollups write them with the other rollup columns; a read
 * uses them in place of the goal's history only while all of those still match
 * (`currentFacts` in `services/evaluation.ts`), so null, or facts a writer left behind, only
 * mean the history is read as before. Existing goals are filled here from their check-ins
 * (`fillGoalFacts`, db/goal-facts.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['key_results', 'smart_goals'] as const)
    await db.schema.alterTable(table).addColumn('facts', 'text').execute();
  await fillGoalFacts(db);
}
