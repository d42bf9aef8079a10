import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from '../app/app';
import type { Config } from '../config/config';
import { describeDatabase } from '../config/config';
import { type Db, isPostgresUrl, migrateToLatest, openDatabase } from '../db/database';
import { startWalCheckpointer } from '../db/wal-checkpointer';
import { loadDemo } from '../demo/load';
import { serviceDeps } from '../services/context';
import { RollupSettler } from '../services/rollup-backlog';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { createAppDeps } from './deps';
import { startPgRelay } from './pg-relay';

/** A running server: where it listens, and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * What `--demo` found: the demo just loaded (who signs in, with which password), the demo loaded
 * on an earlier start (who signs in; the password was printed then), or a database holding other
 * workspaces (nothing loaded).
 */
export type DemoLogin =
  | { status: 'loaded'; email: string; password: string }
  | { status: 'already_loaded'; email: string }
  | { status: 'not_empty'; workspaces: string[] };

/**
 * Starts Tandem: opens the database (creating the SQLite folder when needed), runs pending
 * migrations, loads the demo organisation when asked and the database is empty, and listens.
 *
 * @example
 * const server = await startServer(loadConfig());
 * await server.close();
 */
export async function startServer(
  config: Config,
  options: { demo?: boolean; logger?: Logger; onDemo?: (login: DemoLogin) => void } = {},
): Promise<RunningServer> {
  // One JSON line per request to stdout, written asynchronously (a synchronous write per request
  // was ~5% of a check-in's server time); flushed on close.
  const logger =
    options.logger ??
    pino({ level: config.logLevel, base: { service: 'tandem' } }, pino.destination({ dest: 1, sync: false }));
  if (!isPostgresUrl(config.database) && config.database !== ':memory:')
    mkdirSync(path.dirname(path.resolve(config.database)), { recursive: true });
  const db = openDatabase(config.database, {
    poolSize: config.poolSize,
    onIdleError: (error) =>
      logger.warn({ err: error }, 'an idle database connection was lost; reconnecting on demand'),
  });
  const applied = await migrateToLatest(db);
  logger.info(
    { database: describeDatabase(config.database), dialect: db.dialect, applied },
    'database ready',
  );
  const deps = createAppDeps({
    db,
    logger,
    publicUrl: config.publicUrl,
    isSecureCookie: config.isSecureCookie,
    bodyLimit: config.bodyLimit,
    signup: config.signup,
    sessionDays: config.sessionDays,
    isProxyTrusted: config.isProxyTrusted,
  });
  if (options.demo) {
    const load = await loadDemo(db, { size: 'small', at: Date.now() });
    if (load.status === 'loaded') {
      options.onDemo?.({ status: 'loaded', email: load.demo.email, password: load.password });
      logger.info({ email: load.demo.email }, 'demo organisation loaded');
    } else if (load.status === 'already_loaded') {
      options.onDemo?.({ status: 'already_loaded', email: load.demo.email });
      logger.info({ email: load.demo.email }, 'demo: already loaded; nothing written');
    } else {
      options.onDemo?.({ status: 'not_empty', workspaces: load.workspaces });
      logger.info('demo: the database holds other workspaces; nothing loaded');
    }
  }
  // Several nodes may share one PostgreSQL: relay live notices between them.
  const relay = db.dialect === 'postgres' ? await startPgRelay(config.database, deps.bus, logger) : undefined;
  // Sends the webhook outbox: every second, and soon after each committed write announced on the bus.
  const dispatcher = config.isSendingWebhooks
    ? new WebhookDispatcher(serviceDeps(db), { logger })
    : undefined;
  dispatcher?.start((wake) => deps.bus.subscribe(wake));
  // SQLite: WAL checkpoints in a worker thread, not inside commits.
  const checkpointer = startWalCheckpointer(db, config.database, logger);
  // Settles the rollup backlog that check-ins leave (reads settle it too, before they read).
  const settler = new RollupSettler(serviceDeps(db), logger);
  settler.start();
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    // Not listening (the port is taken, say): stop what was started, so the process can end.
    await dispatcher?.stop();
    await settler.stop();
    await relay?.close();
    await checkpointer?.stop();
    await db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'listening');
  return {
    url,
    port,
    db,
    logger,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Live streams never end on their own.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      await dispatcher?.stop();
      await settler.stop();
      await relay?.close();
      await checkpointer?.stop();
      await db.close();
      logger.flush();
    },
  };
}
