import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';

export type Objective = Schema<'Objective'>;
export type KeyResult = Schema<'KeyResult'>;
export type SmartGoal = Schema<'SmartGoal'>;
export type CheckIn = Schema<'CheckIn'>;
export type GoalType = 'key_result' | 'smart_goal';

export const objectiveQuery = (id: string) =>
  queryOptions({
    queryKey: ['objective', id],
    queryFn: () => unwrap(api.GET('/api/v1/objectives/{id}', { params: { path: { id } } })),
  });

export const keyResultQuery = (id: string) =>
  queryOptions({
    queryKey: ['key_result', id],
    queryFn: () => unwrap(api.GET('/api/v1/key-results/{id}', { params: { path: { id } } })),
  });

export const smartGoalQuery = (id: string) =>
  queryOptions({
    queryKey: ['smart_goal', id],
    queryFn: () => unwrap(api.GET('/api/v1/smart-goals/{id}', { params: { path: { id } } })),
  });

export const checkInsQuery = (goalType: GoalType, goalId: string) =>
  queryOptions({
    queryKey: ['check-ins', goalType, goalId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/check-ins', { params: { query: { goalType, goalId, limit: 500 } } })))
        .items,
  });
