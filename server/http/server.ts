import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from '../app/app';
import type { Config } from '../config/config';
import { describeDatabase } from '../config/config';
import { type Db, isPostgresUrl, migrateToLatest, openDatabase } from '../db/database';
import { startWalCheckpointer } from '../db/wal-checkpointer';
import { generateSmallOrganisation } from '../demo/small';
import { serviceDeps } from '../services/context';
import { RollupSettler } from '../services/rollup-backlog';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { createAppDeps } from './deps';
import { startPgRelay } from './pg-relay';

/** The browser app's build (`npm run build:web`), served outside `/api`. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A running server: where it listens, and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  logger: Logger;
  close(): Promise<void>;
}

/** What `--demo` made: who can sign in, and with which password. */
export interface DemoLogin {
  email: string;
  password: string;
}

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
  options: { demo?: boolean; logger?: Logger; onDemo?: (login: DemoLogin) => void; webDir?: string } = {},
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
    webDir: options.webDir ?? WEB_DIST,
  });
  if (options.demo) {
    const existing = await db.kysely.selectFrom('workspaces').select('id').limit(1).execute();
    if (existing.length === 0) {
      const made = await generateSmallOrganisation(db, { at: Date.now() });
      const admin = await deps.services.people.get(
        { workspaceId: made.workspaceId, personId: made.adminId, actorType: 'person', source: 'cli' },
        made.adminId,
      );
      const password = randomBytes(12).toString('base64url');
      await deps.accounts.grantSignIn(made.workspaceId, made.adminId, password);
      options.onDemo?.({ email: admin.email, password });
      logger.info({ email: admin.email }, 'demo organisation loaded');
    } else logger.info('demo: the database already has a workspace; nothing loaded');
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
