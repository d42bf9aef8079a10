import pino from 'pino';
import type { z } from 'zod';
import { createAppDeps } from '../http/deps';
import type { Channel } from '../notify/message';
import { OutboundGuard } from '../outbound/guard';
import type { Actor } from '../services/context';
import { FixedClock } from '../services/context';
import type { DialectUnderTest } from '../test/databases';
import { freshDatabase, type TestDatabase } from '../test/databases';
import { sequentialIds } from '../test/scenario';
import { createApp, openApiDocument } from './app';
import type { AppDeps } from './env';
import { CSRF_HEADER, SESSION_COOKIE } from './middleware';
import { type OpenApiDocument, ResponseContract } from './response-contract';

/** How a test client authenticates: nothing, a bearer token, or a session cookie with its CSRF token. */
export type Credentials = { bearer: string } | { cookie: string; csrf: string } | null;

/** A response as tests look at it. */
export interface TestResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  body: any;
  headers: Headers;
}

/** An in-process HTTP app on a fresh test database, and how to call it. */
export interface TestApi {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: FixedClock;
  test: TestDatabase;
  call(
    method: string,
    path: string,
    options?: { as?: Credentials; body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** A bearer token acting as someone (made through the token service, not HTTP). */
  tokenFor(actor: Actor): Promise<{ bearer: string }>;
  dispose(): Promise<void>;
}

/**
 * Builds the app on a fresh database of a dialect with a fixed clock and sequential ids, and a
 * `call` helper around `app.request()` (no port, no mocks). Every JSON answer `call` returns is
 * held to its operation's schema in the OpenAPI document: a field the schema does not list fails
 * the test (server/app/response-contract.ts).
 */
export async function testApi(
  dialect: DialectUnderTest,
  options: {
    at?: number;
    signup?: 'first' | 'open';
    bodyLimit?: number;
    idPrefix?: string;
    isProxyTrusted?: boolean;
    /** Ranges outgoing requests may reach besides public ones (tests allow loopback explicitly). */
    outboundAllow?: string;
    /** The channels messages go out on (a real SMTP server on loopback, say). */
    channels?: readonly Channel[];
  } = {},
): Promise<TestApi> {
  const test = await freshDatabase(dialect);
  const clock = new FixedClock(options.at ?? Date.UTC(2026, 9, 15, 12));
  const deps = createAppDeps({
    db: test.db,
    clock,
    newId: sequentialIds(options.idPrefix ?? 'id'),
    logger: pino({ level: 'silent' }),
    signup: options.signup ?? 'first',
    bodyLimit: options.bodyLimit,
    isProxyTrusted: options.isProxyTrusted,
    outbound: new OutboundGuard({ allow: options.outboundAllow }),
    channels: options.channels,
  });
  deps.streamHeartbeatMs = 100;
  const app = createApp(deps);
  let tokens = 0;
  let contract: ResponseContract | undefined;
  return {
    app,
    deps,
    clock,
    test,
    async call(method, path, { as = null, body, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (body !== undefined && !('Content-Type' in h)) h['Content-Type'] = 'application/json';
      if (as && 'bearer' in as) h.Authorization = `Bearer ${as.bearer}`;
      if (as && 'cookie' in as) {
        h.Cookie = `${SESSION_COOKIE}=${as.cookie}`;
        if (method !== 'GET') h[CSRF_HEADER] = as.csrf;
      }
      const res = await app.request(path, {
        method,
        headers: h,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      if (res.headers.get('content-type')?.includes('application/json')) {
        contract ??= new ResponseContract(openApiDocument(app) as unknown as OpenApiDocument);
        const problems = contract.problems(method, path, res.status, parsed);
        if (problems.length > 0)
          throw new Error(`the answer carries fields its schema does not list:\n${problems.join('\n')}`);
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async tokenFor(actor) {
      const created = await deps.tokens.create(actor, { name: `test ${++tokens}` });
      return { bearer: created.token };
    },
    dispose: () => test.dispose(),
  };
}

/** The session cookie's secret from a response's `Set-Cookie`. */
export function sessionFrom(res: TestResponse): { cookie: string; csrf: string } {
  const header = res.headers.get('set-cookie') ?? '';
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(header)?.[1];
  if (!cookie) throw new Error(`no session cookie in ${header}`);
  return { cookie, csrf: res.body.csrfToken };
}

/** Parses a response body with its documented schema: the output matches the OpenAPI document. */
export function parsed<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(`response does not match its schema: ${result.error.message}`);
  return result.data;
}
