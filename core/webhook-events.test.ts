import { describe, expect, it } from 'vitest';
import {
  describeEventFilter,
  normaliseEventFilter,
  WEBHOOK_EVENT_CATALOGUE,
  WEBHOOK_EVENT_TYPES,
} from './webhook-events';

describe('the webhook event catalogue', () => {
  it('offers only types the API accepts, each once, and never the undelivered webhook.*', () => {
    for (const type of WEBHOOK_EVENT_TYPES) expect(type).toMatch(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/);
    expect(new Set(WEBHOOK_EVENT_TYPES).size).toBe(WEBHOOK_EVENT_TYPES.length);
    expect(WEBHOOK_EVENT_CATALOGUE.map((g) => g.entity)).not.toContain('webhook');
    expect(WEBHOOK_EVENT_TYPES).toContain('key_result.checked_in');
    expect(WEBHOOK_EVENT_TYPES).toContain('cycle.closed');
  });

  it('reduces a filter to its shortest form', () => {
    expect(normaliseEventFilter(['unit.created', '*'])).toEqual(['*']);
    expect(normaliseEventFilter(['unit.created', 'unit.*', 'cycle.closed'])).toEqual([
      'cycle.closed',
      'unit.*',
    ]);
    expect(normaliseEventFilter(['goal.later', 'cycle.closed'])).toEqual(['cycle.closed', 'goal.later']);
  });

  it('says a filter in words', () => {
    expect(describeEventFilter(['*'])).toBe('every event');
    expect(describeEventFilter(['key_result.*', 'cycle.closed', 'smart_goal.check_in_corrected'])).toBe(
      'all key result events, SMART goal check-in corrected, cycle closed',
    );
  });
});
