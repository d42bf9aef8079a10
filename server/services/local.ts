import { AppError } from '../../core/errors';
import { type Db, isPostgresUrl, migrateToLatest, openDatabase } from '../db/database';
import { repositories } from '../repositories/index';
import type { Actor } from './context';
import { serviceDeps } from './context';
import { createServices, type Services } from './index';

/** The services on a local database, for the CLI, and who acts. */
export interface LocalServices {
  services: Services;
  db: Db;
  close(): Promise<void>;
}

/** Whether a database location is a PostgreSQL URL (else a SQLite file or `:memory:`). */
export { isPostgresUrl };

/**
 * Opens a database by location (a SQLite file, `:memory:` or a `postgres://` URL) and applies
 * pending migrations (closing it again when they fail): for CLI commands that load or read a
 * database without a server (`tandem demo`), which never import `server/db` themselves.
 */
export async function openLocalDatabase(location: string): Promise<Db> {
  const db = openDatabase(location);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/**
 * Opens a database by location (a SQLite file, `:memory:` or a `postgres://` URL), applies pending
 * migrations, and builds the services on it: how the CLI works on a database without a server.
 *
 * @example
 * const local = await openLocalServices('data/tandem.db');
 * try { ... } finally { await local.close(); }
 */
export async function openLocalServices(location: string): Promise<LocalServices> {
  const db = await openLocalDatabase(location);
  return { services: createServices(serviceDeps(db)), db, close: () => db.close() };
}

/**
 * The actor a CLI command acts as on a local database: the person with `email` (or the first
 * admin) of the workspace named or given by id (or the only workspace). `not_found` or
 * `validation` errors say what to pass.
 */
export async function localActor(
  db: Db,
  options: { workspace?: string | undefined; email?: string | undefined },
): Promise<Actor> {
  const repos = repositories(db.kysely, db.dialect);
  const workspaces = await db.kysely
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .orderBy('createdAt')
    .execute();
  const wanted = options.workspace;
  const matches = wanted
    ? workspaces.filter((w) => w.id === wanted || w.name.toLowerCase() === wanted.toLowerCase())
    : workspaces;
  if (matches.length === 0) {
    throw new AppError(
      'not_found',
      wanted
        ? `no workspace "${wanted}" in this database`
        : 'the database has no workspace yet: run tandem demo, or sign up',
      { entity: 'workspace' },
    );
  }
  if (matches.length > 1) {
    throw new AppError(
      'validation',
      `the database has ${matches.length} workspaces: choose one with --workspace (${matches.map((w) => w.name).join(', ')})`,
      { issues: [{ path: 'workspace', message: 'several workspaces' }] },
    );
  }
  const workspace = matches[0]!;
  const people = await repos.people.list(workspace.id);
  const person = options.email
    ? people.find((p) => p.email.toLowerCase() === options.email!.toLowerCase())
    : people.find((p) => p.role === 'admin');
  if (!person) {
    throw new AppError(
      'not_found',
      options.email
        ? `no person ${options.email} in workspace ${workspace.name}`
        : `workspace ${workspace.name} has no admin`,
      { entity: 'person' },
    );
  }
  return { workspaceId: workspace.id, personId: person.id, actorType: 'person', source: 'cli' };
}
