import {
  CamelCasePlugin,
  type Compilable,
  type CompiledQuery,
  type Insertable,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  type Updateable,
} from 'kysely';
import type { Executor } from '../db/database';
import type { Database } from '../db/schema';

/** A stand-in for argument `i` while a query is compiled once; never sent to a database. */
const slot = (i: number) => `\u0000tandem-slot-${i}\u0000`;

interface Template {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the argument it takes, or -1 for a constant. */
  sources: number[];
  /** Each column of a result row and its camelCase name, learnt from the first row. */
  names?: [string, string][];
}

/** The names `CamelCasePlugin` (the one plugin of `openDatabase`) gives result columns. */
class ResultNames extends CamelCasePlugin {
  of(column: string): string {
    return this.camelCase(column);
  }
}
const resultNames = new ResultNames();

/**
 * A query of fixed shape, built and compiled once per database and then run with new arguments.
 * Kysely builds, transforms (camel case) and compiles every query afresh, which was about a fifth
 * of a check-in's time; the hot queries of a check-in are of one shape each, so they need not be.
 * Rows come back straight from the connection with their columns renamed as `CamelCasePlugin`
 * would (the one plugin `openDatabase` installs; another plugin would be skipped here).
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
): Prepared<A, R> {
  const templates = new WeakMap<object, Template>();
  const templateOf = (db: Executor, args: A): Template => {
    const key = db.getExecutor().adapter;
    let template = templates.get(key);
    if (!template) {
      const compiled = build(db, ...(args.map((_, i) => slot(i)) as A)).compile();
      const sources = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith('\u0000tandem-slot-') ? Number(p.slice(13, -1)) : -1,
      );
      const bound = new Set(sources);
      for (let i = 0; i < args.length; i++)
        if (!bound.has(i)) throw new Error(`prepared query: argument ${i} is not a parameter`);
      template = { compiled, sources };
      templates.set(key, template);
    }
    return template;
  };
  const queryOf = ({ compiled, sources }: Template, args: A): CompiledQuery => ({
    ...compiled,
    parameters: sources.map((source, i) => (source < 0 ? compiled.parameters[i] : args[source])),
  });
  const run = async (db: Executor, ...args: A): Promise<QueryResult<R>> => {
    const template = templateOf(db, args);
    const query = queryOf(template, args);
    // Straight to the connection, then the columns renamed by a list made once: the plugin's
    // generic pass over every key of every row was ~3% of a check-in.
    const result = await db
      .getExecutor()
      .provideConnection((connection) => connection.executeQuery<Record<string, unknown>>(query));
    const first = result.rows[0];
    if (!first) return result as QueryResult<R>;
    template.names ??= Object.keys(first).map((column) => [column, resultNames.of(column)]);
    const { names } = template;
    const rows = result.rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [column, name] of names) out[name] = row[column];
      return out;
    });
    return { ...result, rows } as QueryResult<R>;
  };
  const each = async (db: Executor, list: readonly A[]): Promise<void> => {
    if (list.length === 0) return;
    const template = templateOf(db, list[0]!);
    await db.getExecutor().provideConnection(async (connection) => {
      for (const args of list) await connection.executeQuery(queryOf(template, args));
    });
  };
  return Object.assign(run, { each });
}

/**
 * A `prepared` query: called, it runs once; `each` runs it once per argument list, in order, on one
 * hold of the connection (the caller's transaction, or one connection), stopping at the first
 * failure. On SQLite that is a statement run per list with no pass through the query executor's
 * connection handling between them (the writes of a bulk import: an import's 10,000 rollups, its
 * rows).
 */
export type Prepared<A extends unknown[], R> = ((db: Executor, ...args: A) => Promise<QueryResult<R>>) & {
  each(db: Executor, list: readonly A[]): Promise<void>;
};

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
): ((db: Executor, id: string, patch: Updateable<Database[T]>) => Promise<QueryResult<unknown>>) & {
  /** The update of each row listed (`[id, patch]`), in order, as `Prepared.each`. */
  each(db: Executor, list: readonly (readonly [string, Updateable<Database[T]>])[]): Promise<void>;
} {
  const run = prepared((db, id: string, ...values: unknown[]) =>
    (db as unknown as Untyped)
      .updateTable(table as string)
      .set(Object.fromEntries(columns.map((c, i) => [c, values[i]])))
      .where('id', '=', id),
  );
  const argsOf = (id: string, patch: Updateable<Database[T]>): [string, ...unknown[]] => {
    const record = patch as Record<string, unknown>;
    return [id, ...columns.map((c) => record[c] ?? null)];
  };
  return Object.assign(
    (db: Executor, id: string, patch: Updateable<Database[T]>) => run(db, ...argsOf(id, patch)),
    {
      each: (db: Executor, list: readonly (readonly [string, Updateable<Database[T]>])[]) =>
        run.each(
          db,
          list.map(([id, patch]) => argsOf(id, patch)),
        ),
    },
  );
}

/** The most rows one statement of `insertRows` carries, and the most bound values. */
const MOST_ROWS = 256;
const MOST_VALUES = 16_000;
/** A row's columns: its keys but those left undefined (which Kysely leaves out of an insert too). */
const columnsOf = (row: object) =>
  Object.keys(row).filter((c) => (row as Record<string, unknown>)[c] !== undefined);
/** `insertRows`' compiled statements: by table, columns and number of rows. */
const manyTemplates = new Map<string, Prepared<unknown[], unknown>>();

function manyTemplate(table: string, columns: readonly string[], count: number) {
  const key = `${table}\u0000${columns.join(',')}\u0000${count}`;
  let run = manyTemplates.get(key);
  if (!run) {
    const width = columns.length;
    run = prepared((db, ...values: unknown[]) =>
      (db as unknown as Untyped)
        .insertInto(table)
        .values(
          Array.from({ length: count }, (_, row) =>
            Object.fromEntries(columns.map((c, i) => [c, values[row * width + i]])),
          ),
        ),
    );
    manyTemplates.set(key, run);
  }
  return run;
}

/**
 * Inserts many rows into `table` in statements compiled once each (`prepared`). Kysely's builder
 * parsed and compiled every row of every insert afresh (about a third of an import's inserts).
 * - On SQLite, a statement of one row run for each row on one hold of the connection (`each`):
 *   SQLite inserts rows one by one faster than from a long VALUES list, and there is no round trip.
 * - On PostgreSQL, statements of up to 256 rows (the rest of a run in statements of a power of
 *   two rows, so a table has a handful of shapes whatever the number of rows): few round trips.
 * Rows keep their order (a row may refer to one before it). A row's columns are its keys but those
 * left undefined, as Kysely has them: a row with other columns than the one before starts a new
 * run, so a column left out takes its default.
 *
 * @example
 * await insertRows(db, 'checkIns', rows);
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let start = 0;
  while (start < rows.length) {
    const columns = columnsOf(rows[start]!);
    const signature = columns.join(',');
    let end = start + 1;
    while (end < rows.length && columnsOf(rows[end]!).join(',') === signature) end++;
    const valuesOf = (from: number, to: number) => {
      const values: unknown[] = [];
      for (let r = from; r < to; r++) {
        const record = rows[r] as Record<string, unknown>;
        for (const c of columns) values.push(record[c] ?? null);
      }
      return values;
    };
    if (isSqlite) {
      const list: unknown[][] = [];
      for (let r = start; r < end; r++) list.push(valuesOf(r, r + 1));
      await manyTemplate(table, columns, 1).each(db, list);
    } else {
      const most = Math.max(1, Math.min(MOST_ROWS, Math.floor(MOST_VALUES / Math.max(1, columns.length))));
      for (let at = start; at < end; ) {
        let count = Math.min(most, end - at);
        if (count < most) count = 2 ** Math.floor(Math.log2(count));
        await manyTemplate(table, columns, count)(db, ...valuesOf(at, at + count));
        at += count;
      }
    }
    start = end;
  }
}
