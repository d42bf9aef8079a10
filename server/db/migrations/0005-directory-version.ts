import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** The tables whose rows decide what a person may see and do (roles, units, leads, reports). */
const DIRECTORY: { table: string; columns: string }[] = [
  { table: 'people', columns: 'role, is_active, manager_id, workspace_id' },
  { table: 'units', columns: 'parent_id, workspace_id' },
  { table: 'unit_members', columns: 'unit_id, person_id, is_lead, workspace_id' },
];

/**
 * Migration 5: `workspaces.directory_version`, a stamp the database itself changes (triggers) in
 * the transaction of every change to people, units or memberships, whatever makes it (any service,
 * a bulk load, another node or process). A person's scope (role, units, led units, reports) is
 * remembered in memory with the stamp it was read at and reused while the workspace still shows
 * that stamp (`services/scope.ts`), so a request reads one row instead of four queries.
 *
 * The stamp is a fresh random number, not a counter: a transaction that changed the directory,
 * read a scope under its own new stamp and then rolled back must never share that stamp with the
 * next change that commits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('directory_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Below 2^53, so that JavaScript reads it exactly.
  const fresh = isPostgres
    ? 'floor(random() * 9007199254740991)::bigint'
    : 'abs(random() % 9007199254740991)';
  const bump = (row: 'new' | 'old') =>
    `update workspaces set directory_version = ${fresh} where id = ${row}.workspace_id`;
  if (isPostgres) {
    await sql
      .raw(
        `create function tandem_bump_directory() returns trigger language plpgsql as $$
         begin
           if tg_op = 'DELETE' then ${bump('old')}; return old; end if;
           ${bump('new')};
           if tg_op = 'UPDATE' and old.workspace_id <> new.workspace_id then ${bump('old')}; end if;
           return new;
         end $$`,
      )
      .execute(db);
    for (const { table, columns } of DIRECTORY) {
      await sql
        .raw(
          `create trigger ${table}_directory after insert or delete or update of ${columns} on ${table}
           for each row execute function tandem_bump_directory()`,
        )
        .execute(db);
    }
    return;
  }
  for (const { table, columns } of DIRECTORY) {
    await sql
      .raw(`create trigger ${table}_directory_insert after insert on ${table} begin ${bump('new')}; end`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_directory_update after update of ${columns} on ${table}
         begin ${bump('new')}; ${bump('old')}; end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger ${table}_directory_delete after delete on ${table} begin ${bump('old')}; end`)
      .execute(db);
  }
}
