import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import type pg from 'pg';
import { MIGRATIONS } from './migrations/index';
import { pgDriver } from './pg-driver';
import type { Database } from './schema';

/** The two supported database dialects. */
export type DialectName = 'sqlite' | 'postgres';

/** A connected database: the Kysely instance, its dialect, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Whether `SELECT ... FOR UPDATE` row locks exist (PostgreSQL; SQLite has one writer at a time). */
  hasRowLocks: boolean;
  /** The driver underneath, for bulk loading only (`bulk.ts`); everything else goes through Kysely. */
  native: { dialect: 'sqlite'; database: SQLite.Database } | { dialect: 'postgres'; pool: pg.Pool };
  close(): Promise<void>;
}

/** A Kysely handle inside or outside a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Options for `openDatabase`. */
export interface OpenOptions {
  /** Largest PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** Told when an idle PostgreSQL connection is lost (the pool drops it and opens another on demand). */
  onIdleError?: (error: Error) => void;
}

/** Whether a location names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens a database: `postgres://...` for PostgreSQL, anything else is a SQLite file path
 * (`:memory:` for a private in-memory database). SQLite runs in WAL mode with foreign keys on and
 * a busy timeout; PostgreSQL returns `bigint` columns as numbers (epoch milliseconds fit).
 *
 * @example
 * const db = openDatabase(':memory:');
 * await migrateToLatest(db);
 */
export function openDatabase(location: string, options: OpenOptions = {}): Db {
  const plugins = [new CamelCasePlugin()];
  if (isPostgresUrl(location)) {
    const pool = new (pgDriver().Pool)({
      connectionString: location,
      max: options.poolSize ?? 10,
      types: { getTypeParser: postgresTypeParser },
    });
    // Without a listener, an idle connection lost to a server restart (or a dropped database)
    // is an unhandled 'error' event that ends the process.
    pool.on('error', (error) => options.onIdleError?.(error));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return {
      kysely,
      dialect: 'postgres',
      hasRowLocks: true,
      native: { dialect: 'postgres', pool },
      close: () => kysely.destroy(),
    };
  }
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new SnakeCaseQueries()],
  });
  return {
    kysely,
    dialect: 'sqlite',
    hasRowLocks: false,
    native: { dialect: 'sqlite', database: sqlite },
    close: () => kysely.destroy(),
  };
}

/** The names `CamelCasePlugin` gives result columns (`goal_id` -> `goalId`; camel names stay). */
class ResultNames extends CamelCasePlugin {
  of(column: string): string {
    return this.camelCase(column);
  }
}
const resultNames = new ResultNames();

/**
 * On SQLite the rows come from the driver already named in camel case (`withStatementCache`), so
 * the plugin only renames the query's identifiers to snake case and leaves results as they are:
 * its pass over every key of every row made a second object per row.
 */
class SnakeCaseQueries extends CamelCasePlugin {
  override async transformResult(
    args: Parameters<CamelCasePlugin['transformResult']>[0],
  ): ReturnType<CamelCasePlugin['transformResult']> {
    return args.result;
  }
}

/** A statement as Kysely's SQLite driver uses it (`reader`, `all`, `run`, `iterate`). */
interface DriverStatement {
  readonly reader: boolean;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): SQLite.RunResult;
  iterate(parameters: readonly unknown[]): IterableIterator<unknown>;
}

/**
 * Makes a row object from a row read as an array, with each column under its camel-case name: one
 * object literal of a fixed shape per statement (compiled once from the statement's columns; the
 * names are quoted with JSON.stringify, the values taken by index), which V8 builds about twice as
 * fast as better-sqlite3 builds its own row objects, and which needs no renaming after.
 */
function rowMaker(statement: SQLite.Statement): (row: unknown[]) => Record<string, unknown> {
  const fields = statement.columns().map((c, i) => `${JSON.stringify(resultNames.of(c.name))}: row[${i}]`);
  return new Function('row', `return { ${fields.join(', ')} };`) as (
    row: unknown[],
  ) => Record<string, unknown>;
}

/**
 * better-sqlite3 with its prepared statements reused: Kysely prepares every query afresh, and
 * preparing cost about a seventh of a check-in's server time on the large organisation. The
 * most recently used statements are kept (a statement busy in an iteration is never handed out
 * twice); SQLite re-prepares a kept statement by itself after a schema change, and a statement
 * that changes the schema empties the cache (a kept `select *` would keep its old columns).
 * Rows are read as arrays and made into camel-case objects by `rowMaker` (decision 0013).
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  interface Kept {
    statement: SQLite.Statement;
    view: DriverStatement;
  }
  const cache = new Map<string, Kept>();
  const keep = (sql: string): Kept => {
    const statement = sqlite.prepare(sql);
    let make: ((row: unknown[]) => Record<string, unknown>) | undefined;
    const maker = () => {
      make ??= rowMaker(statement);
      return make;
    };
    const view: DriverStatement = {
      reader: statement.reader,
      all: (parameters) => {
        const rows = statement.raw(true).all(parameters) as unknown[][];
        const build = maker();
        const out = new Array<Record<string, unknown>>(rows.length);
        for (let i = 0; i < rows.length; i++) out[i] = build(rows[i]!);
        return out;
      },
      run: (parameters) => statement.run(parameters),
      iterate: function* (parameters) {
        const build = maker();
        for (const row of statement.raw(true).iterate(parameters) as IterableIterator<unknown[]>)
          yield build(row);
      },
    };
    return { statement, view };
  };
  return {
    close: () => sqlite.close(),
    prepare: (sql: string): DriverStatement => {
      const hit = cache.get(sql);
      if (hit && !hit.statement.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit.view;
      }
      if (/^\s*(create|alter|drop)\s/i.test(sql)) cache.clear();
      const kept = keep(sql);
      cache.set(sql, kept);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return kept.view;
    },
  };
}

const INT8_OID = 20;

function postgresTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID) return (value: string) => Number(value);
  return pgDriver().types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

class CodeMigrationProvider implements MigrationProvider {
  constructor(readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

function migrator(db: Db, migrations: Record<string, Migration>): Migrator {
  // Unordered: a migration merged after a later-named one (two branches, timestamps close) still
  // runs on a database that already has the later one, instead of Kysely refusing to start.
  return new Migrator({
    db: db.kysely,
    provider: new CodeMigrationProvider(migrations),
    allowUnorderedMigrations: true,
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Runs every pending migration (of `migrations`, the list in code unless given); returns the names applied. Forward only. */
export async function migrateToLatest(
  db: Db,
  migrations: Record<string, Migration> = MIGRATIONS,
): Promise<string[]> {
  return check(await migrator(db, migrations).migrateToLatest());
}

/** Runs migrations up to and including `name` (tests use it to build an older database). */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  if (!(name in MIGRATIONS)) throw new Error(`unknown migration ${name}`);
  return check(await migrator(db, MIGRATIONS).migrateTo(name));
}
