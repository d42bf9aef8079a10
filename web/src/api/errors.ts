/** One problem with the input, as the server names it (`items.2.value`, `password`). */
export interface Issue {
  path: string;
  message: string;
}

/** The server's error envelope as a thrown error: `{"error": {code, message, details, requestId}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly requestId: string | undefined;

  constructor(status: number, body: unknown) {
    const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
    super(typeof error?.message === 'string' ? error.message : `request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof error?.code === 'string' ? error.code : 'internal';
    this.details = (error?.details as Record<string, unknown> | undefined) ?? {};
    this.requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
  }

  /** Every `{path, message}` of a validation error (empty for other errors). */
  get issues(): Issue[] {
    const issues = this.details.issues;
    return Array.isArray(issues) ? (issues as Issue[]) : [];
  }

  /** The current version of a 409 caused by a stale `version`. */
  get currentVersion(): number | undefined {
    const version = this.details.currentVersion;
    return typeof version === 'number' ? version : undefined;
  }
}

/** A message a person can act on, for any error a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited') return 'Too many attempts. Wait a few minutes and try again.';
    if (error.code === 'internal') return 'Something went wrong on the server. Try again in a moment.';
    return error.message;
  }
  if (error instanceof TypeError) return 'Tandem cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
