import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { registerRoutes } from '../routes/index';
import { registerDocs } from './docs';
import type { AppDeps, AppEnv } from './env';
import { errorResponse, onError } from './errors';
import {
  authenticate,
  compressJson,
  csrfProtection,
  limitBody,
  refuseNul,
  requestContext,
  requireJson,
  securityHeaders,
} from './middleware';

/** Requests that start a session and so cannot carry a CSRF token yet. */
const SESSION_STARTERS = new Set([
  '/api/v1/auth/signup',
  '/api/v1/auth/signin',
  '/api/v1/auth/invitations/accept',
]);

import { requestValidationError } from './validation';
import { registerWebApp } from './web-app';

/** The OpenAPI document's fixed parts. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Tandem API',
    version: '1',
    description:
      'OKRs and SMART goals together, in two tiers. Sign in (session cookie + `X-CSRF-Token` on unsafe requests) or send a personal API token as `Authorization: Bearer ...`. Errors are `{"error": {"code", "message", "details", "requestId"}}`.',
  },
  servers: [{ url: '/' }],
};

/** The client's address: the socket's, or behind a trusted proxy the first `X-Forwarded-For` entry. */
function clientAddress(c: Context, isProxyTrusted: boolean): string {
  const forwarded = isProxyTrusted ? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/**
 * Builds the HTTP application: middleware (request ids and logs, security headers, body limit,
 * authentication, CSRF), every `/api/v1` route, the OpenAPI document, the docs and health.
 * Tested in-process with `app.request()`.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request('/api/health');
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw requestValidationError(result.error, result.target);
    },
  });
  app.onError(onError);
  app.notFound((c) => errorResponse(c, 'not_found', `no route ${c.req.method} ${c.req.path}`));

  app.use(
    '*',
    requestContext(deps.logger, (c) => clientAddress(c, deps.isProxyTrusted)),
  );
  app.use('*', securityHeaders(deps.isSecureCookie));
  // Inside the request log, so the log times the compressed answer; JSON only (never a live stream).
  app.use('/api/*', compressJson());
  app.use(
    '/api/*',
    limitBody(deps.bodyLimit, (c) =>
      errorResponse(
        c as Context<AppEnv>,
        'validation',
        `request body too large (limit ${deps.bodyLimit} bytes)`,
        { limit: deps.bodyLimit },
        413,
      ),
    ),
  );
  app.use(
    '/api/*',
    requireJson((c, type) =>
      errorResponse(
        c,
        'validation',
        type === undefined
          ? 'send JSON: a request body needs Content-Type: application/json'
          : 'send JSON: Content-Type must be application/json (optionally ; charset=utf-8)',
        { issues: [{ path: '(headers).content-type', message: 'must be application/json' }] },
        415,
      ),
    ),
  );
  app.use('/api/*', refuseNul());
  app.use('/api/v1/*', authenticate(deps.accounts, deps.tokens));
  app.use('/api/v1/*', csrfProtection(SESSION_STARTERS));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'tandem_session',
    description:
      'Set by sign-in; send `X-CSRF-Token` (from sign-in or `GET /api/v1/auth/me`) on unsafe methods.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token from `POST /api/v1/tokens`.',
  });

  registerRoutes(app, deps);
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get('/api/openapi.json', (c) => {
    document ??= openApiDocument(app);
    return c.json(document);
  });
  registerDocs(app);
  if (deps.webDir) registerWebApp(app, deps.webDir);
  return app;
}

/** The OpenAPI 3.1 document of an app, generated from the routes' zod schemas. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
