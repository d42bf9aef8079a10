import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';
import { fetchDueGoals } from '../../api/due';

export type CheckInInput = Schema<'CheckInBatchInput'>['items'][number];
export type CheckInResult = Schema<'CheckInResult'>;

/** What the signed-in person checks in on now (every open cycle; the live stream invalidates `due`). */
export const dueQuery = queryOptions({
  queryKey: ['due', 'me'],
  queryFn: fetchDueGoals,
  staleTime: 0,
});

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
