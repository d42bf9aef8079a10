import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ChangeNotice, EventBus } from '../app/event-bus';
import { pgDriver } from '../db/pg-driver';

/** The PostgreSQL channel change notices travel on. */
export const CHANNEL = 'tandem_changes';

/** A running relay, and how to stop it. */
export interface PgRelay {
  /** This node's id: notices it sent come back to it and are skipped. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Relays the event bus between server nodes sharing one PostgreSQL: every notice published on
 * this node is sent with `pg_notify` (after its write committed, so listeners never see a change
 * before they can read it), and notices from other nodes, received on one dedicated `LISTEN`
 * connection, are delivered to this node's stream. Reconnects after a lost connection.
 *
 * @example
 * const relay = await startPgRelay(process.env.DATABASE_URL!, deps.bus, logger);
 */
export async function startPgRelay(url: string, bus: EventBus, logger: Logger): Promise<PgRelay> {
  const origin = randomUUID();
  const sender = new (pgDriver().Pool)({ connectionString: url, max: 2 });
  let listener: pg.Client | undefined;
  let isClosed = false;

  const listen = async (): Promise<void> => {
    const client = new (pgDriver().Client)({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { from, notice } = JSON.parse(message.payload) as { from: string; notice: ChangeNotice };
        if (from !== origin) bus.deliver(notice);
      } catch (error) {
        logger.warn({ err: error }, 'ignored a malformed change notice');
      }
    });
    client.on('error', (error) => {
      logger.warn({ err: error }, 'change relay connection lost; reconnecting');
      void client.end().catch(() => {});
      if (!isClosed) setTimeout(() => void listen().catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };

  await listen();
  bus.setRelay((notice) => {
    sender
      .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: origin, notice })])
      .catch((error) => logger.warn({ err: error }, 'could not relay a change notice'));
  });
  return {
    origin,
    close: async () => {
      isClosed = true;
      bus.setRelay(undefined);
      await listener?.end().catch(() => {});
      await sender.end();
    },
  };
}
