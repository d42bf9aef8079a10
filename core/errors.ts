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

/**
 * How much a validation error says: at most `count` issues, each message at most `messageLength`
 * characters. A request with 12,000 unknown keys gets a small answer, not 12,000 issues each
 * naming every key.
 */
export const ISSUE_LIMITS = { count: 100, messageLength: 300 } as const;

/** A message cut to `ISSUE_LIMITS.messageLength` characters (with `...` when cut). */
export function boundedMessage(message: string): string {
  const max = ISSUE_LIMITS.messageLength;
  return message.length <= max ? message : `${message.slice(0, max - 3)}...`;
}

/**
 * Takes at most `ISSUE_LIMITS.count` items of a (lazy) list of issues and counts the rest, so
 * callers can build issues one at a time and stop paying once the cap is reached.
 *
 * @example
 * const { kept, omitted } = takeBounded(['a', 'b'], 1); // kept ['a'], omitted 1
 */
export function takeBounded<T>(
  items: Iterable<T>,
  count: number = ISSUE_LIMITS.count,
): {
  kept: T[];
  omitted: number;
} {
  const kept: T[] = [];
  let omitted = 0;
  for (const item of items) {
    if (kept.length < count) kept.push(item);
    else omitted++;
  }
  return { kept, omitted };
}

/**
 * The `validation` error of a list of field issues, bounded: the first `ISSUE_LIMITS.count`
 * issues with their messages cut to `ISSUE_LIMITS.messageLength`, and `details.omittedIssues`
 * counting the rest. Every place that builds a validation error from many issues uses it.
 *
 * @example
 * throw validationError([{ path: 'title', message: 'required' }]);
 */
export function validationError(issues: Iterable<FieldIssue>): AppError {
  const { kept, omitted } = takeBounded(issues);
  const bounded = kept.map((issue) => ({
    path: boundedMessage(issue.path),
    message: boundedMessage(issue.message),
  }));
  const first = bounded[0];
  const more = omitted > 0 ? ` (and ${bounded.length - 1 + omitted} more)` : '';
  return new AppError(
    'validation',
    first ? boundedMessage(`${first.path}: ${first.message}`) + more : 'invalid input',
    omitted > 0 ? { issues: bounded, omittedIssues: omitted } : { issues: bounded },
  );
}
