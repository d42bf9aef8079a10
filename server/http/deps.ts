import pino, { type Logger } from 'pino';
import packageJson from '../../package.json' with { type: 'json' };
import type { AppDeps } from '../app/env';
import { EventBus } from '../app/event-bus';
import { AccountService } from '../auth/account.service';
import { PasswordResetService } from '../auth/password-reset.service';
import { TokenService } from '../auth/token.service';
import type { Db } from '../db/database';
import type { Channel } from '../notify/message';
import { NotificationService } from '../notify/notification.service';
import type { OutboundGuard } from '../outbound/guard';
import { type Clock, createServices, serviceDeps, systemClock } from '../services/index';

/** Options for `createAppDeps`; everything but the database has a default. */
export interface AppDepsOptions {
  db: Db;
  clock?: Clock;
  newId?: () => string;
  logger?: Logger;
  publicUrl?: string;
  isSecureCookie?: boolean;
  bodyLimit?: number;
  signup?: 'first' | 'open';
  isProxyTrusted?: boolean;
  sessionDays?: number;
  /** Where outgoing requests may go (default: public addresses only). */
  outbound?: OutboundGuard;
  /** The built browser app to serve (web/dist); none when undefined. */
  webDir?: string;
  /** The channels messages go out on (`buildChannels`); default none. */
  channels?: readonly Channel[];
}

/**
 * Wires the services, accounts, tokens and the event bus on one database.
 *
 * @example
 * const app = createApp(createAppDeps({ db }));
 */
export function createAppDeps(options: AppDepsOptions): AppDeps {
  const logger = options.logger ?? pino({ level: 'silent' });
  // Every committed change is announced on the bus by the services (`services/notices`).
  const bus = new EventBus();
  const deps = {
    ...serviceDeps(options.db, options.clock ?? systemClock, options.newId, options.outbound),
    logger,
    notices: bus,
  };
  const accounts = new AccountService(deps, {
    signup: options.signup ?? 'first',
    sessionDays: options.sessionDays ?? 14,
    invitationDays: 7,
  });
  return {
    db: options.db,
    services: createServices(deps),
    accounts,
    tokens: new TokenService(deps),
    passwordResets: new PasswordResetService(deps, accounts.limiter),
    notifications: new NotificationService(deps, {
      channels: options.channels ?? [],
      publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000',
    }),
    bus,
    logger,
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000',
    isSecureCookie: options.isSecureCookie ?? false,
    bodyLimit: options.bodyLimit ?? 1_000_000,
    isProxyTrusted: options.isProxyTrusted ?? false,
    version: packageJson.version,
    webDir: options.webDir,
  };
}
