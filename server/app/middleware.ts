import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { AppError, validationError } from '../../core/errors';
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
 * A path as request logs show it: a calendar feed's secret (the credential of the feed, in its
 * URL) is left out.
 *
 * @example
 * loggedPath('/api/v1/calendar/tdm_cal_abc.ics') // '/api/v1/calendar/tdm_cal_….ics'
 */
export function loggedPath(path: string): string {
  return path.startsWith('/api/v1/calendar/')
    ? path.replace(/\/calendar\/[^/]*$/, '/calendar/tdm_cal_….ics')
    : path;
}

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
      path: loggedPath(c.req.path),
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

const UNSAFE_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A token (RFC 9110) and a parameter value: a token or a quoted string. */
const PARAMETER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)=("(?:[^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)$/;

/**
 * Whether a `Content-Type` is the JSON the API reads: `application/json` (any case), optionally
 * with `name=value` parameters; a `charset`, when given, must be `utf-8` (RFC 8259). Lists
 * (`application/json, text/plain`), empty parameters (`application/json;`), other JSON types and
 * anything else are not.
 *
 * @example
 * isJsonContentType('application/json; charset=UTF-8'); // true
 * isJsonContentType('application/json;'); // false
 */
export function isJsonContentType(type: string): boolean {
  const [essence, ...parameters] = type.split(';');
  if (essence?.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((raw) => {
    const match = PARAMETER.exec(raw.trim());
    if (!match) return false;
    const [, name = '', value = ''] = match;
    return name.toLowerCase() !== 'charset' || value.replace(/^"|"$/g, '').toLowerCase() === 'utf-8';
  });
}

/**
 * Whether a request carries a body: a positive `Content-Length`, chunked, or (in-process) a stream.
 * Over a socket a request without either header has no body (RFC 9112 6.3), whatever stream the
 * adapter gives it: browsers send a body-less DELETE that way.
 */
function hasBody(c: Context): boolean {
  const length = c.req.header('Content-Length');
  if (length !== undefined) return length.trim() !== '0';
  if (c.req.header('Transfer-Encoding') !== undefined) return true;
  const overSocket = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  return !overSocket && c.req.raw.body !== null;
}

/**
 * Unsafe requests send JSON or nothing: a `Content-Type` that is not `isJsonContentType`, or a body
 * without one, is a 415 with the envelope (before any route reads the body), so no route meets a
 * body it cannot parse.
 */
export function requireJson(onUnsupported: (c: Context<AppEnv>, type: string | undefined) => Response) {
  return async function requireJson(c, next) {
    if (UNSAFE_WITH_BODY.has(c.req.method)) {
      const type = c.req.header('Content-Type');
      if (type === undefined ? hasBody(c) : !isJsonContentType(type)) return onUnsupported(c, type);
    }
    await next();
  } satisfies MiddlewareHandler<AppEnv>;
}

const ENCODED_NUL = /%00/;

/** Dotted paths (`checkins.3.note`) of strings and keys in a JSON value that hold U+0000, without recursion. */
function* nulPaths(value: unknown): Generator<string> {
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (item.includes('\0')) yield path || '(body)';
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\0')) yield at.replaceAll('\0', '\\0');
        stack.push([child, at]);
      }
    }
  }
}

/**
 * Refuses U+0000 anywhere in a request's values, once for every route and both databases
 * (PostgreSQL cannot store it in text; SQLite would): a `%00` in the path or query, or a NUL in
 * any string or key of a JSON body, is a 400 naming where. Headers cannot carry one (Node's
 * parser refuses them). The body is parsed here once; routes read Hono's cached copy.
 */
export function refuseNul() {
  return async function refuseNul(c, next) {
    const url = c.req.url;
    const query = url.indexOf('?');
    if (ENCODED_NUL.test(url)) {
      const where = query !== -1 && url.slice(query).match(ENCODED_NUL) ? 'query' : 'path';
      throw validationError([{ path: `(${where})`, message: 'must not contain the NUL character (%00)' }]);
    }
    if (UNSAFE_WITH_BODY.has(c.req.method) && c.req.header('Content-Type') !== undefined && hasBody(c)) {
      const found = [...nulPaths(await c.req.json())];
      if (found.length > 0)
        throw validationError(
          found.map((path) => ({ path, message: 'must not contain the NUL character (U+0000)' })),
        );
    }
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
 * requests must also send JSON (`requireJson`), which a cross-site form cannot. Bearer tokens are
 * not sent by browsers on their own, so they need no token. `exempt` paths (sign-in, sign-up)
 * start a new session and skip the token check.
 */
export function csrfProtection(exempt: ReadonlySet<string> = new Set()) {
  return async function csrfProtection(c, next) {
    if (UNSAFE.has(c.req.method)) {
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

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Compresses JSON answers of at least `threshold` bytes for clients that ask for it
 * (`Accept-Encoding`: brotli, else gzip; `identity` or none: as before). Only whole JSON bodies:
 * live streams (`text/event-stream`), files and anything already encoded pass untouched, so SSE is
 * never buffered. Fast settings (brotli quality 4, gzip level 5: a cycle's list shrinks about
 * tenfold) and zlib's thread pool, so the event loop keeps serving while a large answer compresses.
 */
export function compressJson(threshold = 1024) {
  return async function compressJson(c, next) {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.headers.has('Content-Encoding')) return;
    const type = res.headers.get('Content-Type') ?? '';
    if (!/^application\/json\b/i.test(type)) return;
    const vary = res.headers.get('Vary');
    if (!vary?.toLowerCase().includes('accept-encoding'))
      res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = pickEncoding(c.req.header('Accept-Encoding'));
    // `body` last, and only when there is something to compress: reading it turns
    // @hono/node-server's light response (a string, written as it is) into a web stream that the
    // adapter then reads back (~4% of a check-in).
    if (encoding === undefined || !res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < threshold) {
      c.res = new Response(body, res);
      return;
    }
    const compressed =
      encoding === 'br'
        ? await brotliAsync(body, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 4,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : await gzipAsync(body, { level: 5 });
    const headers = new Headers(res.headers);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.length));
    c.res = new Response(compressed, { status: res.status, statusText: res.statusText, headers });
  } satisfies MiddlewareHandler<AppEnv>;
}

/** The encoding to answer with: `br` or `gzip` when accepted (q > 0), brotli first; else none. */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  if (of('br') > 0 && of('br') >= of('gzip')) return 'br';
  if (of('gzip') > 0) return 'gzip';
  return undefined;
}
