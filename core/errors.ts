/**
 * The one error model of Tandem: `AppError(code, message, details)` with a small closed set of
 * codes. Services throw it; the HTTP boundary maps each code to a status in one place.
 */

/** The closed set of error codes every interface reports. */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of the input, for `validation` errors. */
export interface FieldIssue {
  /** Dotted path of the field, such as `measure.target`. */
  path: string;
  message: string;
}

/** Structured details: field issues for validation, ids or versions for conflicts. */
export type ErrorDetails = { issues?: FieldIssue[] } & Record<string, unknown>;

/**
 * An expected failure with a stable code.
 *
 * @example
 * throw new AppError('not_found', 'objective not found', { id });
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  /** Whether a value is an `AppError`, optionally with a given code. */
  static is(value: unknown, code?: ErrorCode): value is AppError {
    return value instanceof AppError && (code === undefined || value.code === code);
  }
}
