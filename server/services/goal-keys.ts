import { KeyAllocator } from '../../core/exchange/keys';
import type { Repositories } from '../repositories/index';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';

/** A goal's key in goals files, and what kind of goal it is. */
export interface KeyedGoal {
  id: string;
  type: 'objective' | 'key_result' | 'smart_goal';
  /** Whether the key is stored (`goal_keys`), rather than made from the title. */
  isStored: boolean;
}

/** Every goal of a cycle by key, with the rows read to make the keys. */
export interface CycleGoals {
  byKey: Map<string, KeyedGoal>;
  objectives: ObjectiveRow[];
  keyResults: KeyResultRow[];
  smartGoals: SmartGoalRow[];
}

/**
 * The key of every goal of a cycle in goals files: the key it was imported with, else one made
 * from its title (unique in the cycle, in the order the goals were written: objectives, each with
 * its KRs, then SMART goals). Exports write these keys and imports match them, so exporting a
 * cycle and importing the file again changes nothing, whoever does it (hidden goals hold their
 * keys too, so the keys do not depend on who reads).
 */
export async function cycleGoalKeys(
  repos: Repositories,
  workspaceId: string,
  cycleId: string,
): Promise<Map<string, KeyedGoal>> {
  return (await cycleGoals(repos, workspaceId, cycleId)).byKey;
}

/** `cycleGoalKeys` with the rows of the cycle's goals. */
export async function cycleGoals(
  repos: Repositories,
  workspaceId: string,
  cycleId: string,
): Promise<CycleGoals> {
  const [stored, objectives, goals] = await Promise.all([
    repos.goalKeys.forCycle(workspaceId, cycleId),
    repos.objectives.listByCycle(workspaceId, cycleId),
    repos.smartGoals.listByCycle(workspaceId, cycleId),
  ]);
  const krs = await repos.keyResults.listByObjectives(objectives.map((o) => o.id));
  return {
    byKey: keysOfGoals(stored, objectives, krs, goals),
    objectives,
    keyResults: krs,
    smartGoals: goals,
  };
}

/**
 * `cycleGoalKeys` from rows already read: the stored keys of the cycle and every one of its
 * objectives, KRs and SMART goals (all of them, hidden ones too, or the keys would differ).
 */
export function keysOfGoals(
  stored: readonly { goalId: string; key: string; goalType: KeyedGoal['type'] }[],
  objectives: readonly ObjectiveRow[],
  krs: readonly KeyResultRow[],
  goals: readonly SmartGoalRow[],
): Map<string, KeyedGoal> {
  const byKey = new Map<string, KeyedGoal>();
  const keyed = new Set<string>();
  const allocator = new KeyAllocator();
  const exists = new Set([
    ...objectives.map((o) => o.id),
    ...krs.map((kr) => kr.id),
    ...goals.map((g) => g.id),
  ]);
  for (const row of stored) {
    if (!exists.has(row.goalId)) continue;
    allocator.reserve(row.key);
    byKey.set(row.key, { id: row.goalId, type: row.goalType, isStored: true });
    keyed.add(row.goalId);
  }
  const give = (id: string, title: string, type: KeyedGoal['type'], fallback: string) => {
    if (!keyed.has(id)) byKey.set(allocator.allocate(title, fallback), { id, type, isStored: false });
  };
  const krsOf = new Map<string, KeyResultRow[]>();
  for (const kr of krs) {
    const list = krsOf.get(kr.objectiveId);
    if (list) list.push(kr);
    else krsOf.set(kr.objectiveId, [kr]);
  }
  for (const o of objectives) {
    give(o.id, o.title, 'objective', 'objective');
    for (const kr of (krsOf.get(o.id) ?? []).sort(
      (a, b) => a.position - b.position || a.createdAt - b.createdAt,
    ))
      give(kr.id, kr.title, 'key_result', 'kr');
  }
  for (const g of goals) give(g.id, g.title, 'smart_goal', 'smart-goal');
  return byKey;
}
