import { describe, expect, it } from 'vitest';
import type { EventsTable } from '../db/schema';
import { matchesFilter, webhookPayload } from '../services/webhook-outbox';
import { afterAttempt, MAX_ATTEMPTS, RETRY_DELAYS_MS } from './retry';

describe('webhook retry schedule', () => {
  const failure = { isDelivered: false, statusCode: 500, error: 'HTTP 500' };

  it('follows the Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    const minutes = RETRY_DELAYS_MS.map((ms) => ms / 60_000);
    expect(minutes).toEqual([5 / 60, 5, 30, 120, 300, 600, 600]);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it.each([
    [1, 'pending', 5_000],
    [2, 'pending', 300_000],
    [7, 'pending', 36_000_000],
    [8, 'failed', 0],
    [9, 'failed', 0],
  ] as const)('after failed attempt %i the delivery is %s (next in %i ms)', (attempts, state, delay) => {
    expect(afterAttempt(attempts, failure, 1000)).toEqual({
      state,
      attempts,
      nextAttemptAt: 1000 + delay,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      lastAttemptAt: 1000,
      deliveredAt: null,
    });
  });

  it('a 2xx is delivered, whatever the attempt', () => {
    expect(afterAttempt(8, { isDelivered: true, statusCode: 204, error: null }, 7)).toMatchObject({
      state: 'delivered',
      attempts: 8,
      deliveredAt: 7,
      lastStatusCode: 204,
      lastError: null,
    });
  });
});

describe('webhook event filters and payloads', () => {
  it.each([
    [['*'], 'key_result.checked_in', true],
    [['key_result.*'], 'key_result.checked_in', true],
    [['key_result.checked_in'], 'key_result.checked_in', true],
    [['key_result.created'], 'key_result.checked_in', false],
    [['key.*'], 'key_result.checked_in', false],
    [['smart_goal.*', 'objective.updated'], 'objective.updated', true],
    [['smart_goal.*'], 'objective.updated', false],
  ])('%j matches %s: %s', (patterns, type, expected) => {
    expect(matchesFilter(patterns, type)).toBe(expected);
  });

  it('shapes an event as {type, timestamp, data} with before and after as JSON', () => {
    const event: EventsTable = {
      id: 'e1',
      workspaceId: 'w1',
      actorType: 'person',
      actorId: 'p1',
      actorTokenId: 't1',
      at: Date.UTC(2026, 9, 15, 12),
      source: 'web',
      entityType: 'objective',
      entityId: 'o1',
      action: 'updated',
      before: '{"title":"Old"}',
      after: '{"title":"New"}',
      isEditedAfterClose: 1,
    };
    expect(JSON.parse(webhookPayload(event))).toEqual({
      type: 'objective.updated',
      timestamp: '2026-10-15T12:00:00.000Z',
      data: {
        id: 'e1',
        workspaceId: 'w1',
        entityType: 'objective',
        entityId: 'o1',
        action: 'updated',
        actor: { type: 'person', id: 'p1', tokenId: 't1' },
        source: 'web',
        at: '2026-10-15T12:00:00.000Z',
        before: { title: 'Old' },
        after: { title: 'New' },
        isEditedAfterClose: true,
      },
    });
  });
});
