import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { AccountService, Principal } from '../auth/account.service';
import type { PasswordResetService } from '../auth/password-reset.service';
import type { TokenService } from '../auth/token.service';
import type { Db } from '../db/database';
import type { NotificationService } from '../notify/notification.service';
import type { Services } from '../services/index';
import type { EventBus } from './event-bus';

/** What the HTTP layer needs: the services, the database (for health), the bus and settings. */
export interface AppDeps {
  db: Db;
  services: Services;
  accounts: AccountService;
  tokens: TokenService;
  passwordResets: PasswordResetService;
  /** Notification preferences, the sent log and direct sends (test, password reset, invitation). */
  notifications: NotificationService;
  bus: EventBus;
  logger: Logger;
  /** The address people reach Tandem at (invitation and password reset links). */
  publicUrl: string;
  isSecureCookie: boolean;
  bodyLimit: number;
  /** Whether `X-Forwarded-For` names the client (behind a trusted reverse proxy). */
  isProxyTrusted: boolean;
  /** How often an idle stream sends a comment and re-checks its viewer (default 25 s). */
  streamHeartbeatMs?: number;
  version: string;
  /** The built browser app (web/dist) to serve outside `/api`; none when undefined. */
  webDir?: string | undefined;
}

/** Per-request values set by the middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal | undefined;
    client: string;
  };
}

/** The typed Hono application every route file registers on. */
export type Api = OpenAPIHono<AppEnv>;
