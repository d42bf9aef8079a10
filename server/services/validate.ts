import type { z } from 'zod';
import { AppError } from '../../core/errors';

/**
 * Parses input with a zod schema, or throws a `validation` AppError listing every issue with the
 * dotted path of the field it is about. Services validate before they open a transaction, so bad
 * input never writes anything.
 *
 * @example
 * const input = parseInput(createObjectiveSchema, body);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError('validation', first ? `${first.path}: ${first.message}` : 'invalid input', { issues });
}

/** Throws a `validation` error about one field. */
export function invalid(path: string, message: string): never {
  throw new AppError('validation', `${path}: ${message}`, { issues: [{ path, message }] });
}

/** Throws `not_found` for an entity. */
export function notFound(entity: string, id: string): never {
  throw new AppError('not_found', `${entity} ${id} not found`, { entity, id });
}
