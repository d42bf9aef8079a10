import type { ZodError } from 'zod';
import { AppError } from '../../core/errors';

/**
 * Turns a zod failure on a request part into one `validation` error listing every issue. Body
 * fields keep their own path (`measure.target`), as the services name them; query and path
 * parameters are prefixed (`query.limit`, `path.id`).
 */
export function requestValidationError(error: ZodError, target: string): AppError {
  const prefix = target === 'json' ? '' : target === 'param' ? 'path.' : `${target}.`;
  const issues = error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...base, key].join('.'))
        : [base.join('.')];
    return paths.map((path) => ({ path: `${prefix}${path}` || '(body)', message: issue.message }));
  });
  const first = issues[0];
  return new AppError('validation', first ? `${first.path}: ${first.message}` : 'invalid input', { issues });
}
