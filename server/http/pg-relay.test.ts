import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type ChangeNotice, EventBus } from '../app/event-bus';
import { PG_URL } from '../test/databases';
import { startPgRelay } from './pg-relay';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!PG_URL)('change relay between nodes (PostgreSQL LISTEN/NOTIFY)', () => {
  it('delivers a notice published on one node to the other nodes, once, and not back to itself', async () => {
    const logger = pino({ level: 'silent' });
    const [a, b] = [new EventBus(), new EventBus()];
    const relayA = await startPgRelay(PG_URL!, a, logger);
    const relayB = await startPgRelay(PG_URL!, b, logger);
    const workspaceId = randomUUID();
    const seen = { a: [] as ChangeNotice[], b: [] as ChangeNotice[] };
    a.subscribe((n) => n.workspaceId === workspaceId && seen.a.push(n));
    b.subscribe((n) => n.workspaceId === workspaceId && seen.b.push(n));
    try {
      a.publish({ workspaceId, entityType: 'key_result', entityId: 'kr-1', action: 'checked_in', at: 1 });
      for (let i = 0; i < 50 && seen.b.length === 0; i++) await wait(20);
      await wait(100);
      expect(seen.b.map((n) => n.entityId)).toEqual(['kr-1']);
      expect(seen.a.map((n) => n.entityId)).toEqual(['kr-1']);
    } finally {
      await relayA.close();
      await relayB.close();
    }
  });
});
