import type { z } from 'zod';
import { AppError, type FieldIssue, validationError } from '../../core/errors';

/**
 * Values already validated, with the schema that validated them: by an HTTP route's body
 * validator (`jsonBody` in `routes/openapi.ts`) or by `parseInput`. A WeakMap, not a property,
 * so a copy (`{ ...parsed, x }`) is not taken for parsed and a mark never reaches JSON.
 */
const PARSED = new WeakMap<object, z.ZodType>();

/** How many times `accept` had to parse (input no boundary had parsed); tests read it. */
let acceptParses = 0;

/**
 * Marks a value as the output of `schema`. Only the boundaries call it: `jsonBody`'s validator
 * and `parseInput`.
 */
export function markParsed<T>(schema: z.ZodType, value: T): T {
  if (typeof value === 'object' && value !== null) PARSED.set(value, schema);
  return value;
}

/**
 * Parses input with a zod schema, or throws a `validation` AppError listing every issue with the
 * dotted path of the field it is about. For boundaries other than HTTP (the CLI, files, jobs'
 * stored input); services use `accept`. Services validate before they open a transaction, so
 * bad input never writes anything.
 *
 * @example
 * const input = parseInput(createObjectiveSchema, body);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return markParsed(schema, result.data);
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

/**
 * A service's input as its schema's output: the value itself when a boundary parsed it already
 * with this same schema (an HTTP request body is validated once, by its route), else parsed
 * here (callers inside the server: the CLI in local mode, the demo, jobs, tests), with
 * `parseInput`'s errors.
 *
 * @example
 * async create(actor: Actor, input: z.input<typeof createObjectiveSchema>) {
 *   const data = accept(createObjectiveSchema, input);
 */
export function accept<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  if (typeof input === 'object' && input !== null && PARSED.get(input) === schema)
    return input as z.output<S>;
  acceptParses += 1;
  return parseInput(schema, input);
}

/** How many inputs `accept` has parsed so far (a test that a route passed parsed input reads it). */
export function acceptParseCount(): number {
  return acceptParses;
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
