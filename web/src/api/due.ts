import type { Measure } from '../../../core/measure';
import { api, type Schema, unwrap } from './client';

/** A goal a person must update this period, as the check-in screen shows it. */
export interface DueGoal {
  goalType: 'key_result' | 'smart_goal';
  goalId: string;
  title: string;
  /** The objective a key result belongs to. */
  context: string | null;
  measure: Measure | null;
  lastValue: number | null;
  /** Milestones done at the last check-in (milestone goals), or whether it is done (yes/no goals). */
  lastDone: string[] | boolean | null;
  lastConfidence: number | null;
  lastNote: string | null;
  latestCheckinAt: number | null;
}

async function allPages<T>(
  load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function lastCheckIn(
  goalType: DueGoal['goalType'],
  goalId: string,
): Promise<Schema<'CheckIn'> | undefined> {
  const page = await unwrap(
    api.GET('/api/v1/check-ins', { params: { query: { goalType, goalId, limit: 500 } } }),
  );
  return page.items.at(-1);
}

/**
 * Every goal `personId` must check in on in the cycle: the metric key results they own (or own
 * through the objective) and their open SMART goals, with the last value.
 *
 * This is the one place the check-in screen learns what is due. It derives the list from the
 * goal lists of today's API; when `GET /api/v1/check-ins/due?person=me` lands (it also returns
 * the last confidence and note), only this function changes.
 */
export async function fetchDueGoals(personId: string, cycleId: string): Promise<DueGoal[]> {
  const [objectives, smartGoals] = await Promise.all([
    allPages((cursor) =>
      unwrap(api.GET('/api/v1/objectives', { params: { query: { cycle: cycleId, limit: 500, cursor } } })),
    ),
    allPages((cursor) =>
      unwrap(
        api.GET('/api/v1/smart-goals', {
          params: { query: { cycle: cycleId, owner: personId, state: 'open', limit: 500, cursor } },
        }),
      ),
    ),
  ]);
  const due: DueGoal[] = [];
  for (const o of objectives) {
    if (o.state === 'dropped' || o.state === 'closed') continue;
    for (const kr of o.keyResults) {
      if (kr.progressSource !== 'metric' || !kr.measure || (kr.ownerId ?? o.ownerId) !== personId) continue;
      due.push({
        goalType: 'key_result',
        goalId: kr.id,
        title: kr.title,
        context: o.title,
        measure: kr.measure as Measure,
        lastValue: kr.latestValue,
        lastDone: null,
        lastConfidence: null,
        lastNote: null,
        latestCheckinAt: kr.latestCheckinAt,
      });
    }
  }
  for (const g of smartGoals) {
    if (!g.measure) continue;
    due.push({
      goalType: 'smart_goal',
      goalId: g.id,
      title: g.title,
      context: `Due ${g.dueDate}`,
      measure: g.measure as Measure,
      lastValue: g.latestValue,
      lastDone: null,
      lastConfidence: null,
      lastNote: null,
      latestCheckinAt: g.latestCheckinAt,
    });
  }
  // Milestone and yes/no goals start from what was done last time.
  await Promise.all(
    due
      .filter((goal) => goal.measure?.type === 'milestones' || goal.measure?.type === 'boolean')
      .map(async (goal) => {
        const last = await lastCheckIn(goal.goalType, goal.goalId);
        if (!last) return;
        goal.lastDone = goal.measure?.type === 'boolean' ? (last.value ?? 0) >= 1 : (last.done ?? []);
        goal.lastConfidence = last.confidence;
        goal.lastNote = last.note;
      }),
  );
  return due;
}
