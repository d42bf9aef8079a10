import type { Executor } from '../db/database';
import type { KeyResultRow } from './key-result.repository';
import type { ObjectiveRow } from './objective.repository';
import type { SmartGoalRow } from './smart-goal.repository';

/** What check-in compliance needs of a KR: its schedule and what visibility reads of its objective. */
export interface KeyResultSchedule {
  id: string;
  cadence: 'weekly' | 'biweekly' | 'monthly' | null;
  ownerId: string | null;
  unitId: string | null;
  visibility: ObjectiveRow['visibility'];
  leadId: string | null;
  objectiveOwnerId: string | null;
}

/** What check-in compliance needs of a SMART goal. */
export interface SmartGoalSchedule {
  id: string;
  cadence: 'weekly' | 'biweekly' | 'monthly' | null;
  ownerId: string;
  unitId: string | null;
  visibility: ObjectiveRow['visibility'];
  startDate: string;
  dueDate: string;
}

/**
 * The narrow reads behind check-in compliance (SPEC 3.9) for a whole cycle: the goals a check-in
 * is due for, and the times of their check-ins. Narrow on purpose: a cycle of the large
 * organisation has 30,000 such goals and 390,000 check-ins.
 */
export class ComplianceRepository {
  constructor(readonly db: Executor) {}

  /** Measured KRs (source `metric`, with a measure) of the cycle's active objectives (of some units). */
  async keyResults(
    workspaceId: string,
    cycleId: string,
    unitIds?: readonly string[],
  ): Promise<KeyResultSchedule[]> {
    if (unitIds?.length === 0) return [];
    let query = this.db
      .selectFrom('keyResults')
      .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
      .select([
        'keyResults.id as id',
        'keyResults.cadence as cadence',
        'keyResults.ownerId as ownerId',
        'objectives.unitId as unitId',
        'objectives.visibility as visibility',
        'objectives.leadId as leadId',
        'objectives.ownerId as objectiveOwnerId',
        'objectives.workspaceId as workspaceId',
      ])
      .where('objectives.cycleId', '=', cycleId)
      .where('objectives.state', '=', 'active')
      .where('keyResults.progressSource', '=', 'metric')
      .where('keyResults.measure', 'is not', null);
    if (unitIds) query = query.where('objectives.unitId', 'in', unitIds);
    const rows = await query.execute();
    return rows.filter((r) => r.workspaceId === workspaceId);
  }

  /** Open SMART goals of the cycle (of some units) that have a measure. */
  async smartGoals(
    workspaceId: string,
    cycleId: string,
    unitIds?: readonly string[],
  ): Promise<SmartGoalSchedule[]> {
    if (unitIds?.length === 0) return [];
    let query = this.db
      .selectFrom('smartGoals')
      .select(['id', 'cadence', 'ownerId', 'unitId', 'visibility', 'startDate', 'dueDate', 'workspaceId'])
      .where('cycleId', '=', cycleId)
      .where('state', '=', 'open')
      .where('measure', 'is not', null);
    if (unitIds) query = query.where('unitId', 'in', unitIds);
    const rows = await query.execute();
    return rows.filter((r) => r.workspaceId === workspaceId);
  }

  /**
   * The times of the check-ins of some goals, by goal (an indexed range per goal, 500 goals a
   * query). Each query's rows are folded into the map before the next is read: a cycle of the
   * large organisation has 390,000 check-ins, and reading them as one list of row objects held
   * about 100 MB at once (the server's peak memory went from ~280 to ~460 MB). With `since`
   * (epoch ms), only the check-ins made at or after it.
   */
  async checkinTimesByGoal(goalIds: readonly string[], since?: number): Promise<Map<string, number[]>> {
    const times = new Map<string, number[]>();
    for (let i = 0; i < goalIds.length; i += 500) {
      let query = this.db
        .selectFrom('checkIns')
        .select(['goalId', 'at'])
        .where('goalId', 'in', goalIds.slice(i, i + 500));
      if (since !== undefined) query = query.where('at', '>=', since);
      const rows = await query.execute();
      for (const { goalId, at } of rows) {
        const list = times.get(goalId);
        if (list) list.push(at);
        else times.set(goalId, [at]);
      }
    }
    return times;
  }

  /** KRs a person owns in some cycles (their objectives are loaded by the caller). */
  async ownedKeyResults(
    workspaceId: string,
    personId: string | readonly string[],
    cycleIds: readonly string[],
  ): Promise<KeyResultRow[]> {
    const owners = typeof personId === 'string' ? [personId] : personId;
    if (cycleIds.length === 0 || owners.length === 0) return [];
    return this.db
      .selectFrom('keyResults')
      .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
      .selectAll('keyResults')
      .where('keyResults.workspaceId', '=', workspaceId)
      .where('objectives.cycleId', 'in', cycleIds)
      .where('keyResults.ownerId', 'in', owners)
      .orderBy('keyResults.id')
      .execute();
  }

  /** SMART goals a person owns in some cycles. */
  async ownedSmartGoals(
    workspaceId: string,
    personId: string | readonly string[],
    cycleIds: readonly string[],
  ): Promise<SmartGoalRow[]> {
    const owners = typeof personId === 'string' ? [personId] : personId;
    if (cycleIds.length === 0 || owners.length === 0) return [];
    const rows = await this.db
      .selectFrom('smartGoals')
      .selectAll()
      .where('cycleId', 'in', cycleIds)
      .where('ownerId', 'in', owners)
      .orderBy('id')
      .execute();
    return rows.filter((r) => r.workspaceId === workspaceId);
  }
}
