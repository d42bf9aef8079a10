import type { Executor } from '../db/database';

/**
 * The narrow read behind the alignment graph's pages of a whole cycle: the ids of the cycle's
 * objectives and SMART goals (of some units, or all), the goals' page keys. Only a page's goals
 * are then read in full (`findMany`): a cycle of the large organisation holds 3,000 objectives and
 * 20,000 SMART goals, and reading them all in full for each of its 46 pages cost a second a page.
 */
export class AlignmentGraphRepository {
  constructor(readonly db: Executor) {}

  /** Ids of a cycle's objectives and SMART goals in the workspace, optionally only some units'. */
  async idsOfCycle(
    workspaceId: string,
    cycleId: string,
    unitIds?: readonly string[],
  ): Promise<{ objectives: string[]; smartGoals: string[] }> {
    if (unitIds?.length === 0) return { objectives: [], smartGoals: [] };
    // By the (cycle, unit) indexes; the workspace is checked on the rows (a cycle has one workspace).
    let objectives = this.db
      .selectFrom('objectives')
      .select(['id', 'workspaceId'])
      .where('cycleId', '=', cycleId);
    let goals = this.db.selectFrom('smartGoals').select(['id', 'workspaceId']).where('cycleId', '=', cycleId);
    if (unitIds) {
      objectives = objectives.where('unitId', 'in', unitIds);
      goals = goals.where('unitId', 'in', unitIds);
    }
    const [o, g] = await Promise.all([objectives.execute(), goals.execute()]);
    const ofWorkspace = (rows: { id: string; workspaceId: string }[]) =>
      rows.filter((r) => r.workspaceId === workspaceId).map((r) => r.id);
    return { objectives: ofWorkspace(o), smartGoals: ofWorkspace(g) };
  }
}
