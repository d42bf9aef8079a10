import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';
import { fetchDueGoals } from '../../api/due';

export type CheckInInput = Schema<'CheckInBatchInput'>['items'][number];
export type CheckInResult = Schema<'CheckInResult'>;

export function dueQuery(personId: string, cycleId: string) {
  return queryOptions({
    queryKey: ['due', personId, cycleId],
    queryFn: () => fetchDueGoals(personId, cycleId),
    staleTime: 0,
  });
}

/** Sends the whole screen in one batch: every check-in is written, or none is. */
export async function submitCheckIns(
  items: CheckInInput[],
  idempotencyKey: string,
): Promise<CheckInResult[]> {
  const answer = await unwrap(
    api.POST('/api/v1/check-ins/batch', {
      body: { items },
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  );
  return answer.items;
}
