import type { Executor } from '../db/database';
import type { KeyResultRow } from './key-result.repository';
import type { ObjectiveRow } from './objective.repository';
import type { SmartGoalRow } from './smart-goal.repository';

/** Filters of the goal lists (`?cycle=&unit=&owner=&state=`). */
export interface GoalListFilter {
  cycleId?: string | undefined;
  unitId?: string | undefined;
  /** The accountable person: an objective's lead or personal owner, a SMART goal's owner. */
  ownerId?: string | undefined;
  state?: string | undefined;
}

/** Keyset-paginated lists of goals for the API: ordered by id, from after a given id. */
export class GoalListRepository {
  constructor(readonly db: Executor) {}

  objectives(
    workspaceId: string,
    filter: GoalListFilter,
    afterId: string | null,
    limit: number,
  ): Promise<ObjectiveRow[]> {
    let query = this.db.selectFrom('objectives').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.cycleId) query = query.where('cycleId', '=', filter.cycleId);
    if (filter.unitId) query = query.where('unitId', '=', filter.unitId);
    if (filter.ownerId) {
      const owner = filter.ownerId;
      query = query.where((eb) => eb.or([eb('leadId', '=', owner), eb('ownerId', '=', owner)]));
    }
    if (filter.state) query = query.where('state', '=', filter.state as ObjectiveRow['state']);
    if (afterId) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
  }

  smartGoals(
    workspaceId: string,
    filter: GoalListFilter,
    afterId: string | null,
    limit: number,
  ): Promise<SmartGoalRow[]> {
    let query = this.db.selectFrom('smartGoals').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.cycleId) query = query.where('cycleId', '=', filter.cycleId);
    if (filter.unitId) query = query.where('unitId', '=', filter.unitId);
    if (filter.ownerId) query = query.where('ownerId', '=', filter.ownerId);
    if (filter.state) query = query.where('state', '=', filter.state as SmartGoalRow['state']);
    if (afterId) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
  }

  /**
   * Key results by id after `afterId`, filtered through their objective (cycle, unit) and by their
   * own owner; each row carries its objective's id (the service loads the objectives).
   */
  keyResults(
    workspaceId: string,
    filter: GoalListFilter,
    afterId: string | null,
    limit: number,
  ): Promise<KeyResultRow[]> {
    let query = this.db
      .selectFrom('keyResults')
      .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
      .selectAll('keyResults')
      .where('keyResults.workspaceId', '=', workspaceId);
    if (filter.cycleId) query = query.where('objectives.cycleId', '=', filter.cycleId);
    if (filter.unitId) query = query.where('objectives.unitId', '=', filter.unitId);
    if (filter.ownerId) query = query.where('keyResults.ownerId', '=', filter.ownerId);
    if (filter.state) query = query.where('objectives.state', '=', filter.state as ObjectiveRow['state']);
    if (afterId) query = query.where('keyResults.id', '>', afterId);
    return query.orderBy('keyResults.id').limit(limit).execute();
  }
}
