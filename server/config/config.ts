import path from 'node:path';
import { z } from 'zod';
import { parseAllowList } from '../outbound/address-policy';

const port = z.coerce.number().int().min(0).max(65_535);

/** The environment variables Tandem reads, validated once at start. */
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** `postgres://...` for PostgreSQL; otherwise a SQLite file path. Default: `<TANDEM_DATA_DIR>/tandem.db`. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Folder of the SQLite file (created when missing). */
  TANDEM_DATA_DIR: z.string().min(1).default('data'),
  /** The address people reach Tandem at, for invitation links; `https://` also marks cookies Secure. */
  TANDEM_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** `first` (default): only the first sign-up creates a workspace; `open`: every sign-up creates one. */
  TANDEM_SIGNUP: z.enum(['first', 'open']).default('first'),
  /** Largest request body in bytes. */
  TANDEM_BODY_LIMIT: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  /**
   * Longest time a client may take to send a whole request, headers and body (slow clients get a
   * 408 and are disconnected); the headers alone get at most 10 s. Live streams are not cut by it.
   */
  TANDEM_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  TANDEM_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** `true` behind a reverse proxy: the client address is the first of `X-Forwarded-For`. */
  TANDEM_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** PostgreSQL pool size. */
  TANDEM_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** `off`: this node runs no background jobs (they still queue, for nodes where it is `on`). */
  TANDEM_JOBS: z.enum(['on', 'off']).default('on'),
  /** `off`: this node sends no webhooks (deliveries still queue, for nodes where it is `on`). */
  TANDEM_WEBHOOKS: z.enum(['on', 'off']).default('on'),
  /**
   * Ranges outgoing requests (webhooks) may reach besides public addresses, as CIDRs separated by
   * commas, such as `127.0.0.0/8,::1/128`. Default: none (loopback, private, link-local and
   * metadata addresses are refused).
   */
  TANDEM_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .superRefine((value, ctx) => {
      try {
        parseAllowList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /**
   * The SMTP server for email (reminders, digests, tests): `smtp://user:pass@host:port` (STARTTLS
   * when offered), `smtps://...` for TLS from the start. Default: no email.
   */
  TANDEM_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'not an smtp:// or smtps:// URL' }).optional(),
  /** The From of every email, such as `Tandem <tandem@example.com>`; required with TANDEM_SMTP_URL. */
  TANDEM_MAIL_FROM: z
    .string()
    .regex(
      /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'not an address such as Tandem <tandem@example.com>',
    )
    .optional(),
  /**
   * TEST ONLY: a file holding the instant (epoch ms or ISO) the server takes as "now", re-read
   * every 20 ms, so a test drives several `tandem serve` processes through simulated weeks.
   * Refused unless `NODE_ENV=test`.
   */
  TANDEM_TEST_CLOCK_FILE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated configuration. */
export interface Config {
  port: number;
  host: string;
  /** SQLite path or PostgreSQL URL. */
  database: string;
  publicUrl: string;
  /**
   * Why the links Tandem hands out (invitations, password resets, emails, calendar feeds) may not
   * open: `TANDEM_PUBLIC_URL` unset while the server listens on every address or on a port the
   * system picks, so the default `http://HOST:PORT` names no reachable address. Logged at start.
   */
  publicUrlWarning: string | undefined;
  isSecureCookie: boolean;
  signup: 'first' | 'open';
  bodyLimit: number;
  /** Longest time to receive a request (`TANDEM_REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs: number;
  sessionDays: number;
  isProxyTrusted: boolean;
  poolSize: number;
  /** Whether this node runs background jobs at all (`TANDEM_JOBS`). */
  isRunningJobs: boolean;
  /** Whether this node's job runner takes the webhook jobs (`TANDEM_WEBHOOKS`, and `TANDEM_JOBS`). */
  isSendingWebhooks: boolean;
  /** Ranges outgoing requests may reach besides public addresses (`TANDEM_OUTBOUND_ALLOW`). */
  outboundAllow: string;
  /** Email over SMTP (`TANDEM_SMTP_URL`, `TANDEM_MAIL_FROM`); none when unset. */
  smtp: { url: string; from: string } | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** TEST ONLY: the file the simulated clock reads (`TANDEM_TEST_CLOCK_FILE`); undefined in production. */
  testClockFile: string | undefined;
}

/** Hosts that mean "every address": a link to them opens nothing. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

/** A configuration problem, with every variable at fault named. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration from an environment (default `process.env`). Command-line flags win
 * over the environment. Throws `ConfigError` with one readable line per wrong variable.
 *
 * @example
 * const config = loadConfig({ PORT: '8080' });
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: { port?: number; host?: string } = {},
): Config {
  const result = configSchema
    .superRefine((e, ctx) => {
      if (e.TANDEM_SMTP_URL && !e.TANDEM_MAIL_FROM)
        ctx.addIssue({
          code: 'custom',
          path: ['TANDEM_MAIL_FROM'],
          message: 'required when TANDEM_SMTP_URL is set',
        });
      if (e.TANDEM_TEST_CLOCK_FILE && e.NODE_ENV !== 'test')
        ctx.addIssue({
          code: 'custom',
          path: ['TANDEM_TEST_CLOCK_FILE'],
          message: 'a simulated clock for tests only: refused unless NODE_ENV=test',
        });
    })
    .safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      const shown =
        value === undefined || name === 'DATABASE_URL' || name === 'TANDEM_SMTP_URL'
          ? ''
          : ` (got "${value}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const port = overrides.port ?? e.PORT;
  const host = overrides.host ?? e.HOST;
  const publicUrl = (
    e.TANDEM_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  ).replace(/\/+$/, '');
  return {
    port,
    host,
    database: e.DATABASE_URL ?? path.join(e.TANDEM_DATA_DIR, 'tandem.db'),
    publicUrl,
    publicUrlWarning:
      e.TANDEM_PUBLIC_URL === undefined && (WILDCARD_HOSTS.has(host) || port === 0)
        ? `TANDEM_PUBLIC_URL is not set, so links in invitations, password resets, emails and calendar feeds read ${publicUrl}, which ${port === 0 ? 'names no port' : 'nobody can open'}: set it to the address people reach Tandem at`
        : undefined,
    isSecureCookie: publicUrl.startsWith('https://'),
    signup: e.TANDEM_SIGNUP,
    bodyLimit: e.TANDEM_BODY_LIMIT,
    requestTimeoutMs: e.TANDEM_REQUEST_TIMEOUT_MS,
    sessionDays: e.TANDEM_SESSION_DAYS,
    isProxyTrusted: e.TANDEM_TRUST_PROXY === 'true',
    poolSize: e.TANDEM_DB_POOL,
    isRunningJobs: e.TANDEM_JOBS === 'on',
    isSendingWebhooks: e.TANDEM_JOBS === 'on' && e.TANDEM_WEBHOOKS === 'on',
    outboundAllow: e.TANDEM_OUTBOUND_ALLOW,
    smtp:
      e.TANDEM_SMTP_URL && e.TANDEM_MAIL_FROM
        ? { url: e.TANDEM_SMTP_URL, from: e.TANDEM_MAIL_FROM }
        : undefined,
    logLevel: e.LOG_LEVEL,
    testClockFile: e.TANDEM_TEST_CLOCK_FILE,
  };
}

/** The database location with any password masked, for logs. */
export function describeDatabase(location: string): string {
  return location.replace(/:[^:@/]*@/, ':***@');
}
