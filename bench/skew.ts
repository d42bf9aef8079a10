import type { Db } from '../server/db/database';
import type { generateOrganisation } from '../server/demo/large';

/**
 * Issue 17 item 2's skewed organisation, made from a generated one: every objective of the active
 * cycle moved to the company (the root unit; 3,000 at company level for the large organisation)
 * and up to 1,000 objectives of the cycle before it into one team (the last unit). Returns the
 * two units, that earlier cycle and how many objectives went to the team.
 */
export async function skewOrganisation(
  db: Db,
  org: Awaited<ReturnType<typeof generateOrganisation>>,
  objectivesPerCycle: number,
): Promise<{ root: string; team: string; previous: string; crowded: number }> {
  const root = org.unitIds[0]!;
  const team = org.unitIds.at(-1)!;
  const previous = (
    await db.kysely
      .selectFrom('cycles')
      .select('id')
      .where('workspaceId', '=', org.workspaceId)
      .where('id', '!=', org.activeCycleId)
      .orderBy('startDate', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
  await db.kysely
    .updateTable('objectives')
    .set({ unitId: root })
    .where('cycleId', '=', org.activeCycleId)
    .execute();
  const crowd = await db.kysely
    .selectFrom('objectives')
    .select('id')
    .where('cycleId', '=', previous)
    .orderBy('id')
    .limit(Math.min(1000, objectivesPerCycle))
    .execute();
  await db.kysely
    .updateTable('objectives')
    .set({ unitId: team })
    .where(
      'id',
      'in',
      crowd.map((o) => o.id),
    )
    .execute();
  return { root, team, previous, crowded: crowd.length };
}
