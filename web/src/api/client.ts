import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { components, paths } from './schema';

/** Schemas of the API by name: `Schema<'Objective'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;

/** Remembers the CSRF token of the session (from sign-in, sign-up or `GET /auth/me`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    // A bodiless DELETE from a browser carries no Content-Length, and the Node server then sees a
    // body stream on it: the API's JSON-only check answers 415, or an empty JSON body a 400. An
    // empty JSON object is what every DELETE route accepts.
    if (request.method === 'DELETE' && request.body === null) {
      const headers = new Headers(request.headers);
      headers.set('Content-Type', 'application/json');
      return new Request(request, { body: '{}', headers });
    }
    return request;
  },
};

/**
 * The typed API client: paths, parameters, bodies and answers come from docs/openapi.json
 * (web/src/api/schema.d.ts). Components never call `fetch`; they use this through the
 * `*.queries.ts` files of their feature.
 */
export function makeClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? (typeof location === 'undefined' ? '' : location.origin),
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(csrf);
  return client;
}

export const api = makeClient();

/** The data of an openapi-fetch answer, or its error envelope thrown as an `ApiError`. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw new ApiError(response.status, error);
  return data as NonNullable<T>;
}
