import type { Kysely } from 'kysely';

/**
 * Migration 20261201T2000-jobs: the background-work queue (`server/jobs/`). `jobs` holds one row
 * per piece of work: its definition (`name`, `version`), its JSON input, when it is due
 * (`run_at`), its attempts, and a lease (`locked_until`, `locked_by`) so nodes sharing a
 * PostgreSQL never run one job at once and a crashed node's job is taken over when the lease ends.
 * `key`, when set, is unique: a scheduled slot (`webhooks.prune-log@2026-12-01T20:00:00.000Z`) or
 * a fanned-out item is queued once however many nodes try. `job_runs` records every run's outcome.
 * `sessions_expires` serves the hourly pruning of expired sessions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .execute();
  // The runner's poll: queued or running jobs by when they are due.
  await s.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  // Pruning finished jobs by age.
  await s.createIndex('jobs_finished').on('jobs').columns(['finished_at']).execute();

  await s
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('job_runs_job').on('job_runs').columns(['job_id', 'attempt']).execute();
  // The hourly `sessions.prune` job: expired sessions of any account.
  await s.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
}
