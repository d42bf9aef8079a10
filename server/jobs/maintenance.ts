import { AccountRepository } from '../auth/account.repository';
import { repositories } from '../repositories/index';
import { defineJob, type JobDefinition } from './job';
import { scheduledInput } from './runner';

const DAY_MS = 86_400_000;
/** How long finished jobs and their runs stay in the queue's tables. */
export const JOB_RETENTION_MS = 7 * DAY_MS;
const BATCH = 5000;

/** Deletes in batches until a batch comes back short; returns the total. */
async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await step();
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/**
 * Expired sign-in sessions, deleted hourly (a session is refused once expired; this keeps the
 * table to the live ones).
 */
export const pruneSessions = defineJob({
  id: 'sessions.prune',
  version: 1,
  input: scheduledInput,
  // Each run prunes up to now: after a gap, the newest slot alone does the work.
  schedule: { cron: '20 * * * *', catchUp: 'latest' },
  handler: async (_input, { deps }) => {
    const accounts = new AccountRepository(deps.db.kysely);
    await inBatches(() => accounts.deleteExpired(deps.clock.now(), BATCH));
  },
});

/** Finished jobs older than the retention (a week), deleted daily with their runs. */
export const pruneJobs = defineJob({
  id: 'jobs.prune',
  version: 1,
  input: scheduledInput,
  schedule: { cron: '40 3 * * *', catchUp: 'latest' },
  handler: async (_input, { deps }) => {
    const jobs = repositories(deps.db.kysely, deps.db.dialect).jobs;
    await inBatches(() => jobs.prune(deps.clock.now() - JOB_RETENTION_MS, BATCH));
  },
});

/** The housekeeping jobs every node runs. */
export const maintenanceJobs: JobDefinition[] = [pruneSessions, pruneJobs];
