import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../../core/errors';
import { markParsed } from '../services/validate';

/** The error envelope (SPEC 10), as documented. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).openapi({
        description: 'For `validation`: `issues`, every problem with the dotted path of its field.',
      }),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

/** A documented error answer (the envelope) with a description. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

const ERRORS = {
  400: errorResponse(
    '`validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest)',
  ),
  401: errorResponse(
    '`unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired)',
  ),
  403: errorResponse('`forbidden`: your role may not do this (or the CSRF header is missing)'),
  404: errorResponse('`not_found`: no such thing, or one you may not see'),
  409: errorResponse('`conflict`: a stale `version`, a duplicate, or a state that forbids it'),
  413: errorResponse(
    '`validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default)',
  ),
  415: errorResponse(
    '`validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`)',
  ),
  429: errorResponse('`rate_limited`: too many failed sign-ins; see `Retry-After`'),
};

/** Operations that check a password, and so count towards the sign-in lock-out. */
const RATE_LIMITED = new Set([
  '/api/v1/auth/signin',
  '/api/v1/auth/invitations/accept',
  '/api/v1/auth/password',
]);

/** The error responses that apply to an operation, by what it takes and who may call it. */
function errorsOf(config: Omit<RouteConfig, 'security'>) {
  const hasBody = config.request?.body !== undefined;
  const isUnsafe = config.method !== 'get';
  const isApi = config.path.startsWith('/api/v1/');
  const pick = (code: keyof typeof ERRORS, applies: boolean) => (applies ? { [code]: ERRORS[code] } : {});
  return {
    ...pick(400, true),
    ...pick(401, isApi),
    ...pick(403, isApi),
    ...pick(404, isApi),
    ...pick(409, isUnsafe && isApi),
    ...pick(413, hasBody || isUnsafe),
    ...pick(415, hasBody || isUnsafe),
    ...pick(429, RATE_LIMITED.has(config.path)),
  } as Partial<typeof ERRORS>;
}

/** Both ways to authenticate, for routes that need a signed-in caller. */
export const SIGNED_IN: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** The singular of a resource name (`people` -> `person`, `smartGoals` -> `smartGoal`). */
function singular(word: string): string {
  if (word === 'people') return 'person';
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const ITEM_VERBS: Record<string, string> = { get: 'get', patch: 'update', put: 'set', delete: 'delete' };
const COLLECTION_VERBS: Record<string, string> = { get: 'list', post: 'create', delete: 'delete' };

/**
 * A stable operation id from the method and path, for generated clients:
 * `GET /api/v1/objectives` is `listObjectives`, `POST` there `createObjectives`,
 * `GET /api/v1/objectives/{id}` `getObjective`, `PATCH` it `updateObjective`,
 * `POST /api/v1/cycles/{id}/close` `postCycleClose`.
 */
export function operationIdOf(method: string, path: string): string {
  const parts = path.replace(/^\/api\/(v1\/)?/, '').split('/');
  const words: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.startsWith('{')) continue;
    const word = part.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    words.push(parts[i + 1]?.startsWith('{') ? singular(word) : word);
  }
  const isItem = path.endsWith('}');
  const isCollection = !isItem && words.length === 1 && /(s|people)$/.test(words[0] ?? '');
  const verb = (isItem ? ITEM_VERBS[method] : isCollection ? COLLECTION_VERBS[method] : undefined) ?? method;
  return verb + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * A documented route: the error responses of the envelope that apply to it (400 always; 401, 403
 * and 404 on `/api/v1`; 409, 413 and 415 on writes (which send JSON or nothing); 429 where
 * a password is checked), an operation id, and signed-in security unless `isPublic`.
 */
export function route<R extends Omit<RouteConfig, 'security'>>(config: R & { isPublic?: boolean }) {
  const { isPublic, ...rest } = config;
  return createRoute({
    operationId: operationIdOf(rest.method, rest.path),
    ...rest,
    security: isPublic ? [] : SIGNED_IN,
    responses: { ...errorsOf(rest), ...rest.responses },
  } as R & { security: typeof SIGNED_IN; responses: R['responses'] & typeof ERRORS });
}

/**
 * A required JSON request body; `name` makes its schema a named component of the document
 * (what generated clients call the type).
 */
export function jsonBody<S extends z.ZodType>(schema: S, name?: string) {
  // A clone: schemas made before @hono/zod-openapi was loaded (the services') lack `.openapi`.
  // Its output is marked as `schema`'s, so the service's `accept(schema, body)` does not parse
  // it again (a request is validated once).
  const documented = (name ? schema.clone().openapi(name) : schema.clone()).overwrite(
    // The one place a route marks input parsed: the validator's own output.
    // eslint-disable-next-line no-restricted-syntax
    (value) => markParsed(schema, value),
  ) as unknown as S;
  return { required: true, content: { 'application/json': { schema: documented } } } as const;
}

/** A JSON response. */
export function json<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** `{id}` in the path. */
export const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Cursor pagination: `?cursor=` from the previous page's `nextCursor`, `?limit=` up to 500. */
export const pageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A page of items and the cursor of the next page (null on the last). */
export function pageOf<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The empty answer of a successful command with nothing to return. */
export const okSchema = z.object({ ok: z.literal(true) }).openapi('Ok');
