/**
 * One node of the two-runner test (`server/jobs/two-runners.test.ts`), run as its own process with
 * tsx: a job runner on the PostgreSQL at `TANDEM_TEST_DB`, named `TANDEM_TEST_NODE`, with one job
 * (`test.effect`) that takes `TANDEM_TEST_WORK_MS` and then writes its effect (a row in `effects`)
 * in the transaction that completes it. Prints `ready` once started; stops on SIGTERM.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { openDatabase } from '../db/database';
import { defineJob } from '../jobs/job';
import { JobRunner } from '../jobs/runner';
import { serviceDeps } from '../services/context';

const db = openDatabase(process.env.TANDEM_TEST_DB ?? '');
const node = process.env.TANDEM_TEST_NODE ?? 'node';
const workMs = Number(process.env.TANDEM_TEST_WORK_MS ?? 200);

export const effect = defineJob({
  id: 'test.effect',
  version: 1,
  input: z.object({ n: z.number().int() }),
  handler: async ({ n }, { job, complete }) => {
    await new Promise((resolve) => setTimeout(resolve, workMs));
    await complete(async (trx) => {
      await sql`insert into effects (job_id, n, node) values (${job.id}, ${n}, ${node})`.execute(trx);
    });
  },
});

const runner = new JobRunner(serviceDeps(db), [effect], {
  node,
  pollMs: 50,
  concurrency: 4,
  leaseMs: Number(process.env.TANDEM_TEST_LEASE_MS ?? 1000),
});
runner.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void runner
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
