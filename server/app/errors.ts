import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode, type ErrorDetails } from '../../core/errors';
import type { AppEnv } from './env';

/** The one place error codes become HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/** The error envelope of every failed request (SPEC 10). */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details: ErrorDetails; requestId: string };
}

/** Builds the envelope for an error code. */
export function envelope(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  details: ErrorDetails = {},
): ErrorEnvelope {
  return { error: { code, message, details, requestId: c.get('requestId') ?? 'unknown' } };
}

/** Responds with the envelope and the status of its code (or a given one, such as 413). */
export function errorResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  details: ErrorDetails = {},
  status: ContentfulStatusCode = STATUS_OF[code],
) {
  if (code === 'rate_limited' && typeof details.retryAfterSeconds === 'number')
    c.header('Retry-After', String(details.retryAfterSeconds));
  return c.json(envelope(c, code, message, details), status);
}

/**
 * The one error handler: an `AppError` becomes its status and envelope; malformed JSON a
 * `validation` error; anything else is logged with its stack and answered as `internal` without
 * a word about what went wrong (no stack, no SQL, no secret ever leaves the server).
 */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) return errorResponse(c, error.code, error.message, error.details);
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return errorResponse(c, 'validation', 'request body too large', {}, 413);
    if (status === 415)
      return errorResponse(c, 'validation', 'send JSON: Content-Type must be application/json', {}, 415);
    if (status === 400)
      return errorResponse(c, 'validation', 'malformed request body: expected JSON', {
        issues: [{ path: '(body)', message: 'malformed JSON' }],
      });
    if (status === 401) return errorResponse(c, 'unauthenticated', 'sign in first');
  }
  if (error instanceof SyntaxError)
    return errorResponse(c, 'validation', 'malformed request body: expected JSON', {
      issues: [{ path: '(body)', message: 'malformed JSON' }],
    });
  c.get('log')?.error({ requestId: c.get('requestId'), err: error }, 'unhandled error');
  return errorResponse(c, 'internal', 'something went wrong on our side; the request id helps us find it');
}
