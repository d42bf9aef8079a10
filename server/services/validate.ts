import type { z } from 'zod';
import { AppError, type FieldIssue, validationError } from '../../core/errors';

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
  const { error } = result;
  function* issues(): Generator<FieldIssue> {
    for (const issue of error.issues) {
      const base = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) yield { path: [...base, key].join('.'), message: 'unknown field' };
      } else yield { path: base.join('.') || '(input)', message: issue.message };
    }
  }
  throw validationError(issues());
}

/** Throws a `validation` error about one field. */
export function invalid(path: string, message: string): never {
  throw new AppError('validation', `${path}: ${message}`, { issues: [{ path, message }] });
}

/** Throws `not_found` for an entity. */
export function notFound(entity: string, id: string): never {
  throw new AppError('not_found', `${entity} ${id} not found`, { entity, id });
}

/**
 * Whether a parsed PATCH changes nothing: every field but `version` is absent (and `settings`,
 * when it is an object, has no field either). Every PATCH answers an empty change with the
 * current resource and writes nothing (no version step, no event); a stale `version` is still a
 * 409, as for any change.
 *
 * @example
 * isEmptyChange({ version: 3 }); // true
 */
export function isEmptyChange(data: Record<string, unknown>): boolean {
  return Object.entries(data).every(
    ([key, value]) =>
      key === 'version' ||
      value === undefined ||
      (key === 'settings' && typeof value === 'object' && value !== null && Object.keys(value).length === 0),
  );
}
