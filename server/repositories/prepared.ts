import type { Compilable, CompiledQuery, Insertable, Kysely, QueryResult, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { Database } from '../db/schema';

/** A stand-in for argument `i` while a query is compiled once; never sent to a database. */
const slot = (i: number) => `\u0000tandem-slot-${i}\u0000`;

interface Template {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the argument it takes, or -1 for a constant. */
  sources: number[];
}

/**
 * A query of fixed shape, built and compiled once per database and then run with new arguments.
 * Kysely builds, transforms (camel case) and compiles every query afresh, which was about a fifth
 * of a check-in's time; the hot queries of a check-in are of one shape each, so they need not be.
 * The builder must use each argument as a plain bound value (in `where`, `set`, `values`), never
 * to choose the shape (a list for `in`, a column name, an optional clause): it is called once,
 * with stand-ins, and compiling fails loudly if a stand-in does not come out as a parameter.
 *
 * @example
 * const byId = prepared((db, id: string) => db.selectFrom('people').selectAll().where('id', '=', id));
 * const [row] = await byId(db, 'p1');
 */
export function prepared<A extends unknown[], R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<QueryResult<R>> {
  const templates = new WeakMap<object, Template>();
  return async (db, ...args) => {
    const key = db.getExecutor().adapter;
    let template = templates.get(key);
    if (!template) {
      const compiled = build(db, ...(args.map((_, i) => slot(i)) as A)).compile();
      const sources = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith('\u0000tandem-slot-') ? Number(p.slice(13, -1)) : -1,
      );
      for (let i = 0; i < args.length; i++)
        if (!sources.includes(i)) throw new Error(`prepared query: argument ${i} is not a parameter`);
      template = { compiled, sources };
      templates.set(key, template);
    }
    const { compiled, sources } = template;
    const parameters = sources.map((source, i) => (source < 0 ? compiled.parameters[i] : args[source]));
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}

/** A handle seen without table types, for the generic builders below (columns are checked by their signatures). */
type Untyped = Kysely<Record<string, Record<string, unknown>>>;

/**
 * An insert of one whole row into `table`, compiled once: every column listed is bound from the
 * row (missing ones as null, so list only columns the rows always carry or may leave null).
 *
 * @example
 * const insertCheckIn = preparedInsert('checkIns', ['id', 'goalId', ...]);
 * await insertCheckIn(db, row);
 */
export function preparedInsert<T extends keyof Database & string>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
): (db: Executor, row: Insertable<Database[T]>) => Promise<QueryResult<unknown>> {
  const run = prepared((db, ...values: unknown[]) =>
    (db as unknown as Untyped)
      .insertInto(table as string)
      .values(Object.fromEntries(columns.map((c, i) => [c, values[i]]))),
  );
  return (db, row) => {
    const record = row as Record<string, unknown>;
    return run(db, ...columns.map((c) => record[c] ?? null));
  };
}

/**
 * An update of some columns of one row of `table` by id, compiled once.
 *
 * @example
 * const setScore = preparedUpdate('objectives', ['progress', 'score']);
 * await setScore(db, id, { progress: 0.5, score: 0.5 });
 */
export function preparedUpdate<T extends keyof Database & string>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
): (db: Executor, id: string, patch: Updateable<Database[T]>) => Promise<QueryResult<unknown>> {
  const run = prepared((db, id: string, ...values: unknown[]) =>
    (db as unknown as Untyped)
      .updateTable(table as string)
      .set(Object.fromEntries(columns.map((c, i) => [c, values[i]])))
      .where('id', '=', id),
  );
  return (db, id, patch) => {
    const record = patch as Record<string, unknown>;
    return run(db, id, ...columns.map((c) => record[c] ?? null));
  };
}
