import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysFor, makeNoticeSink } from './live';

const notice = (entityType: string, entityId: string) => ({
  entityType,
  entityId,
  action: 'checked_in',
  at: 0,
});

describe('live notices patch the query cache, coalesced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('invalidates each touched key once per window, however many notices arrive', async () => {
    const client = new QueryClient();
    client.setQueryData(['dashboard', 'c1', null], { n: 1 });
    client.setQueryData(['key_result', 'kr1'], { n: 1 });
    client.setQueryData(['key_result', 'kr9'], { n: 1 });
    client.setQueryData(['people'], { n: 1 });
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const sink = makeNoticeSink(client, 250);
    for (let i = 0; i < 30; i += 1) sink(notice('key_result', 'kr1'));
    sink(notice('smart_goal', 'sg1'));
    expect(invalidate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    const keys = invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey));
    expect(keys.filter((k) => k === '["dashboard"]')).toHaveLength(1);
    expect(new Set(keys).size).toBe(keys.length);
    expect(client.getQueryState(['dashboard', 'c1', null])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['key_result', 'kr1'])?.isInvalidated).toBe(true);
    // Untouched reads stay fresh: no refetch storm.
    expect(client.getQueryState(['key_result', 'kr9'])?.isInvalidated).toBe(false);
    expect(client.getQueryState(['people'])?.isInvalidated).toBe(false);
  });

  it('names the reads a notice touches', () => {
    expect(keysFor(notice('key_result', 'kr1'))).toContainEqual(['key_result', 'kr1']);
    expect(keysFor(notice('objective', 'o1'))).toContainEqual(['objective']);
    expect(keysFor(notice('unit', 'u1'))).toContainEqual(['directory']);
  });
});
