import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { AppError } from '../../core/errors';
import type { AccountService, Principal } from '../auth/account.service';
import { isSameSecret } from '../auth/secrets';
import type { TokenService } from '../auth/token.service';
import type { AppEnv } from './env';

/** The session cookie's name. */
export const SESSION_COOKIE = 'tandem_session';
/** The header carrying the CSRF token on unsafe requests made with a session cookie. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (a caller's `X-Request-Id` when it is a plain token, else a new
 * UUID), returns it in `X-Request-Id`, and logs one structured line per request with it.
 */
export function requestContext(logger: Logger, clientOf: (c: Parameters<MiddlewareHandler>[0]) => string) {
  return async function requestContext(c, next) {
    const given = c.req.header('X-Request-Id');
    const requestId = given && SAFE_ID.test(given) ? given : randomUUID();
    // The logger itself, not a child per request (building one cost ~3% of a check-in): lines
    // carry the request id as a field.
    c.set('requestId', requestId);
    c.set('log', logger);
    c.set('client', clientOf(c));
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const status = c.res.status;
    const line = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  } satisfies MiddlewareHandler<AppEnv>;
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The docs page runs Swagger UI's own script files only; its rendered markup carries inline styles. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The web app (web/dist): its own script and style files only, no inline script or style
 * element, no framing; data and the live stream from the same origin.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function cspFor(pathname: string): string {
  if (pathname.startsWith('/api/docs')) return DOCS_CSP;
  if (pathname === '/api' || pathname.startsWith('/api/')) return API_CSP;
  return APP_CSP;
}

/** Security headers on every response: a strict CSP, no sniffing, no framing, no referrer. */
export function securityHeaders(isSecure: boolean) {
  return async function securityHeaders(c, next) {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', cspFor(c.req.path));
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
    if (isSecure) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  } satisfies MiddlewareHandler<AppEnv>;
}

const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses request bodies over `maxSize` bytes. A body with a `Content-Length` is judged by that
 * header alone (Node's HTTP parser never delivers more bytes than it declares); a chunked body, or
 * one of unknown length, is counted as it is read, by Hono's `bodyLimit`. Hono's middleware asks every request for
 * its web `Request` body, which makes `@hono/node-server` build a whole `Request` (headers, abort
 * signal, stream) per request and read the JSON through a web stream; that was ~5% of a check-in.
 */
export function limitBody(maxSize: number, onTooLarge: (c: Context<AppEnv>) => Response | Promise<Response>) {
  const counting = bodyLimit({ maxSize, onError: (c) => onTooLarge(c as Context<AppEnv>) });
  return async function limitBody(c, next) {
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      if (Number(length) > maxSize) return onTooLarge(c);
      return next();
    }
    // Chunked, or a body of unknown length (in-process requests): count it.
    if (length !== undefined || !BODILESS.has(c.req.method)) return counting(c, next);
    await next();
  } satisfies MiddlewareHandler<AppEnv>;
}

const BEARER = /^Bearer\s+(\S+)$/i;
const SOURCES = new Set(['api', 'cli', 'integration']);

/**
 * Finds who is calling: a bearer API token, or the session cookie. A wrong bearer token is an
 * error (scripts should hear about it); a stale cookie just means anonymous.
 */
export function authenticate(accounts: AccountService, tokens: TokenService) {
  return async function authenticate(c, next) {
    let principal: Principal | undefined;
    const authorization = c.req.header('Authorization');
    if (authorization) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw new AppError('unauthenticated', 'Authorization must be "Bearer <token>"');
      const source = c.req.header('X-Tandem-Source') ?? 'api';
      principal = await tokens.authenticate(
        token,
        SOURCES.has(source) ? (source as 'api' | 'cli' | 'integration') : 'api',
      );
      if (!principal) throw new AppError('unauthenticated', 'this API token is unknown, revoked or expired');
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) principal = await accounts.authenticateSession(cookie);
    }
    c.set('principal', principal);
    await next();
  } satisfies MiddlewareHandler<AppEnv>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection for cookie sessions: an unsafe request must echo the session's CSRF token in
 * `X-CSRF-Token` (a cross-site page can send the cookie but cannot read the token). Unsafe
 * requests must also send JSON, which a cross-site form cannot. Bearer tokens are not sent by
 * browsers on their own, so they need neither. `exempt` paths (sign-in, sign-up) start a new
 * session and skip the token check; they still need JSON.
 */
export function csrfProtection(exempt: ReadonlySet<string> = new Set()) {
  return async function csrfProtection(c, next) {
    if (UNSAFE.has(c.req.method)) {
      const type = c.req.header('Content-Type');
      if (type !== undefined && !/^application\/json\b/i.test(type)) {
        throw new AppError('validation', 'send JSON: Content-Type must be application/json', {
          issues: [{ path: '(headers).content-type', message: 'must be application/json' }],
        });
      }
      const principal = c.get('principal');
      if (principal?.via === 'session' && !exempt.has(c.req.path)) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !principal.csrfToken || !isSameSecret(sent, principal.csrfToken)) {
          throw new AppError('forbidden', `missing or wrong ${CSRF_HEADER} header`, { reason: 'csrf' });
        }
      }
    }
    await next();
  } satisfies MiddlewareHandler<AppEnv>;
}

/** The principal of a request, or `unauthenticated`. */
export function principalOf(c: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = c.get('principal');
  if (!principal)
    throw new AppError('unauthenticated', 'sign in, or send an API token as "Authorization: Bearer ..."');
  return principal;
}
