import type { ZodError } from 'zod';
import { type AppError, type FieldIssue, validationError } from '../../core/errors';

/**
 * Turns a zod failure on a request part into one `validation` error listing its issues (at most
 * `ISSUE_LIMITS.count`, the rest counted). Body fields keep their own path (`measure.target`), as
 * the services name them; query and path parameters are prefixed (`query.limit`, `path.id`). An
 * unknown key is its own issue, `unknown field`, never zod's message listing every unknown key.
 */
export function requestValidationError(error: ZodError, target: string): AppError {
  const prefix = target === 'json' ? '' : target === 'param' ? 'path.' : `${target}.`;
  function* issues(): Generator<FieldIssue> {
    for (const issue of error.issues) {
      const base = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          yield { path: `${prefix}${[...base, key].join('.')}`, message: 'unknown field' };
      } else yield { path: `${prefix}${base.join('.')}` || '(body)', message: issue.message };
    }
  }
  return validationError(issues());
}
