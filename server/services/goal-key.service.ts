import { isVisible } from '../policies/permissions';
import type { Actor, ServiceDeps } from './context';
import {
  getActiveCycle,
  getCycleByIdOrName,
  keyResultSubject,
  objectiveSubject,
  smartGoalSubject,
} from './goal-access';
import { cycleGoals } from './goal-keys';
import { openSession } from './session';

/** One goal of a cycle by its goals-file key. */
export interface GoalKeyView {
  key: string;
  goalType: 'objective' | 'key_result' | 'smart_goal';
  goalId: string;
  title: string;
}

/**
 * The keys goals files use for a cycle's goals (`goal-keys.ts`), with the goals' ids: how
 * `tandem checkin KEY` finds the goal a key names. Only the goals the actor may see.
 */
export class GoalKeyService {
  constructor(readonly deps: ServiceDeps) {}

  /** The keys of a cycle (by id or name, or `active`) the actor may see, in file order. */
  async ofCycle(
    actor: Actor,
    cycleRef: string,
  ): Promise<{ cycle: { id: string; name: string }; items: GoalKeyView[] }> {
    const ref = cycleRef.trim();
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const { repos, scope } = session;
    const ws = actor.workspaceId;
    const cycle = ref === 'active' ? await getActiveCycle(session) : await getCycleByIdOrName(session, ref);
    const goals = await cycleGoals(repos, ws, cycle.id);
    const visible = new Map<string, string>();
    const objectives = new Map(goals.objectives.map((o) => [o.id, o]));
    for (const o of goals.objectives) if (isVisible(scope, objectiveSubject(o))) visible.set(o.id, o.title);
    for (const kr of goals.keyResults) {
      const objective = objectives.get(kr.objectiveId);
      if (objective && isVisible(scope, keyResultSubject(kr, objective))) visible.set(kr.id, kr.title);
    }
    for (const g of goals.smartGoals) if (isVisible(scope, smartGoalSubject(g))) visible.set(g.id, g.title);
    const items: GoalKeyView[] = [];
    for (const [key, goal] of goals.byKey) {
      const title = visible.get(goal.id);
      if (title !== undefined) items.push({ key, goalType: goal.type, goalId: goal.id, title });
    }
    return { cycle: { id: cycle.id, name: cycle.name }, items };
  }
}
