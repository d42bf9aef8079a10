import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { SmartGoal } from './board';

/** A person's SMART goals in a cycle (the board). */
export const mySmartGoalsQuery = (cycleId: string, ownerId: string) =>
  queryOptions({
    queryKey: ['smart-goals', cycleId, ownerId],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/smart-goals', {
            params: { query: { cycle: cycleId, owner: ownerId, limit: 500 } },
          }),
        )
      ).items,
  });

/** The objectives and key results a person owns in a cycle. */
export const myOkrsQuery = (cycleId: string, ownerId: string) =>
  queryOptions({
    queryKey: ['objective', 'mine', cycleId, ownerId],
    queryFn: async () => {
      const [objectives, keyResults] = await Promise.all([
        unwrap(
          api.GET('/api/v1/objectives', {
            params: { query: { cycle: cycleId, owner: ownerId, limit: 500 } },
          }),
        ),
        unwrap(
          api.GET('/api/v1/key-results', {
            params: { query: { cycle: cycleId, owner: ownerId, limit: 500 } },
          }),
        ),
      ]);
      return { objectives: objectives.items, keyResults: keyResults.items };
    },
  });

/** Someone saved the goal since it was read: the saved one, to show and to retry on. */
export class StaleGoal extends Error {
  constructor(readonly current: SmartGoal) {
    super('Someone else changed this goal meanwhile.');
    this.name = 'StaleGoal';
  }
}

/**
 * Sets a SMART goal's state (done, or open again) at the version shown; a stale version is a 409,
 * answered here with the goal as it is now (StaleGoal), never a silent overwrite.
 */
export async function setSmartGoalState(goal: SmartGoal, state: 'done' | 'open'): Promise<void> {
  try {
    await unwrap(
      api.PATCH('/api/v1/smart-goals/{id}', {
        params: { path: { id: goal.id } },
        body: { version: goal.version, state },
      }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const current = await unwrap(
        api.GET('/api/v1/smart-goals/{id}', { params: { path: { id: goal.id } } }),
      );
      throw new StaleGoal(current);
    }
    throw error;
  }
}
