import { mkdirSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from '../app/app';
import type { AppDeps } from '../app/env';
import type { Config } from '../config/config';
import { describeDatabase } from '../config/config';
import { type Db, isPostgresUrl, migrateToLatest, openDatabase } from '../db/database';
import { startWalCheckpointer, type WalCheckpointer } from '../db/wal-checkpointer';
import { loadDemo } from '../demo/load';
import { type BackgroundTask, startBackground } from '../jobs/background';
import { maintenanceJobs } from '../jobs/maintenance';
import { JobRunner } from '../jobs/runner';
import { buildChannels, closeChannels } from '../notify/channels';
import type { Channel } from '../notify/message';
import { Notifier } from '../notify/notifier';
import { OutboundGuard } from '../outbound/guard';
import { serviceDeps } from '../services/context';
import { RollupSettler } from '../services/rollup-backlog';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { answerClientError } from './client-errors';
import { createAppDeps } from './deps';
import { type PgRelay, startPgRelay } from './pg-relay';
import { FileClock } from './test-clock';

/** The Node HTTP server's timeouts for a request timeout (`TANDEM_REQUEST_TIMEOUT_MS`), in ms. */
export function httpTimeouts(requestMs: number): {
  requestMs: number;
  headersMs: number;
  keepAliveMs: number;
  checkEveryMs: number;
} {
  const headersMs = Math.min(10_000, requestMs);
  return {
    requestMs,
    headersMs,
    // An idle kept-alive connection closes before a client could be sending slow headers on it.
    keepAliveMs: Math.min(5000, headersMs),
    // Node looks for expired requests this often (default 30 s, which would double a timeout).
    checkEveryMs: Math.min(1000, Math.max(250, Math.floor(requestMs / 4))),
  };
}

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
  options: { demo?: boolean; logger?: Logger; onDemo?: (login: DemoLogin) => void; webDir?: string } = {},
): Promise<RunningServer> {
  // One JSON line per request to stdout, written asynchronously (a synchronous write per request
  // was ~5% of a check-in's server time); flushed on close.
  const logger =
    options.logger ??
    pino({ level: config.logLevel, base: { service: 'tandem' } }, pino.destination({ dest: 1, sync: false }));
  // TEST ONLY: a simulated clock a test drives from a file (config refuses it unless NODE_ENV=test).
  const clock = config.testClockFile ? FileClock.open(config.testClockFile) : undefined;
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
  const outbound = new OutboundGuard({ allow: config.outboundAllow });
  // The channels this node sends on (email when SMTP is set); reminders, digests and the admin's test use them.
  const channels = buildChannels({ smtp: config.smtp, publicUrl: config.publicUrl, chat: { db, outbound } });
  const deps = createAppDeps({
    db,
    clock,
    outbound,
    logger,
    publicUrl: config.publicUrl,
    isSecureCookie: config.isSecureCookie,
    bodyLimit: config.bodyLimit,
    signup: config.signup,
    sessionDays: config.sessionDays,
    isProxyTrusted: config.isProxyTrusted,
    webDir: options.webDir ?? WEB_DIST,
    channels,
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
  const background = await startBackground(
    backgroundTasks(config, db, deps, logger, outbound, channels, clock),
    logger,
  ).catch(async (error: unknown) => {
    clock?.stop();
    // A task could not start (PostgreSQL refused the relay's connection, say): the ones before it
    // are stopped already; close the database too, so the process can end.
    await db.close();
    throw error;
  });
  const app = createApp(deps);
  const timeouts = httpTimeouts(config.requestTimeoutMs);
  const server = serve({
    fetch: clock ? withTestClockHeader(app.fetch, clock) : app.fetch,
    port: config.port,
    hostname: config.host,
    serverOptions: { connectionsCheckingInterval: timeouts.checkEveryMs },
  }) as HttpServer;
  // Node's defaults hold a slow body for 300 s and slow headers for 60 s. These apply until a
  // request has been received; a live stream's response may last for hours.
  server.requestTimeout = timeouts.requestMs;
  server.headersTimeout = timeouts.headersMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.on('clientError', answerClientError);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    // Not listening (the port is taken, say): stop what was started, so the process can end.
    await background.stop();
    clock?.stop();
    await db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'listening');
  if (config.publicUrlWarning) logger.warn(config.publicUrlWarning);
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
      await background.stop();
      clock?.stop();
      closeChannels(channels);
      await db.close();
      logger.flush();
    },
  };
}

/**
 * TEST ONLY (with `TANDEM_TEST_CLOCK_FILE`): every answer says the simulated time this node has
 * read (`X-Tandem-Test-Now`), so a test that moves the clock knows when each node has seen it.
 */
function withTestClockHeader<F extends (request: Request, ...rest: never[]) => Response | Promise<Response>>(
  fetch: F,
  clock: FileClock,
): F {
  return (async (request: Request, ...rest: never[]) => {
    const response = await fetch(request, ...rest);
    const headers = new Headers(response.headers);
    headers.set('X-Tandem-Test-Now', String(clock.now()));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }) as F;
}

/**
 * A node's background work, in starting order (stopped in reverse): the SQLite WAL checkpointer,
 * the PostgreSQL relay of live notices, the rollup settler, then the job runner (housekeeping, and
 * the webhook jobs unless `TANDEM_WEBHOOKS=off`, reminders and digests; nothing with `TANDEM_JOBS=off`).
 */
function backgroundTasks(
  config: Config,
  db: Db,
  deps: AppDeps,
  logger: Logger,
  outbound: OutboundGuard,
  channels: readonly Channel[],
  clock?: FileClock,
): BackgroundTask[] {
  let checkpointer: WalCheckpointer | undefined;
  let relay: PgRelay | undefined;
  // Settles the rollup backlog that check-ins leave (reads settle it too, before they read).
  const settler = new RollupSettler(serviceDeps(db, clock), logger);
  const tasks: BackgroundTask[] = [
    {
      // SQLite: WAL checkpoints in a worker thread, not inside commits.
      name: 'wal-checkpointer',
      start: () => {
        checkpointer = startWalCheckpointer(db, config.database, logger);
      },
      stop: async () => checkpointer?.stop(),
    },
    {
      // Several nodes may share one PostgreSQL: relay live notices between them.
      name: 'pg-relay',
      start: async () => {
        if (db.dialect === 'postgres') relay = await startPgRelay(config.database, deps.bus, logger);
      },
      stop: async () => relay?.close(),
    },
    { name: 'rollup-settler', start: () => settler.start(), stop: () => settler.stop() },
  ];
  if (config.isRunningJobs) {
    // What a job changes through the services is announced on the bus, like a change over HTTP.
    const jobDeps = { ...serviceDeps(db, clock, undefined, outbound), notices: deps.bus };
    const webhooks = config.isSendingWebhooks ? new WebhookDispatcher(jobDeps, { logger }).jobs() : [];
    // Reminders and digests (SPEC 6): a sweep every 15 minutes fanning out one send per (person, period, channel).
    const notify = new Notifier(jobDeps, { channels, publicUrl: config.publicUrl, logger }).jobs();
    const runner = new JobRunner(jobDeps, [...maintenanceJobs, ...webhooks, ...notify], { logger });
    // A job queued by a write (a webhook delivery) starts within 50 ms of its commit, announced on the bus.
    // A simulated clock (tests) wakes the runner when the test moves it.
    let stopWatchingClock: (() => void) | undefined;
    tasks.push({
      name: 'job-runner',
      start: () => {
        runner.start((wake) => deps.bus.subscribe(wake));
        stopWatchingClock = clock?.onChange(() => runner.wake());
      },
      stop: () => {
        stopWatchingClock?.();
        return runner.stop();
      },
    });
  }
  return tasks;
}
