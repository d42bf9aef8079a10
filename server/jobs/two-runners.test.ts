import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repositories } from '../repositories/index';
import { serviceDeps } from '../services/context';
import { freshDatabase, PG_URL, type TestDatabase } from '../test/databases';
import { newJob } from './job';

/**
 * The test: two job runners in two processes on one PostgreSQL; one is killed with
 * SIGKILL in the middle of its jobs, and every job still runs exactly once. The killed node's
 * claimed jobs are taken over by the other when their leases end; the effects (rows written in the
 * transaction that completes each job) are counted.
 */
const script = fileURLToPath(new URL('../test/job-runner-process.ts', import.meta.url));
const JOBS = 40;

const suite = PG_URL || process.env.CI === 'true' ? describe : describe.skip;

suite('two job runners on one PostgreSQL, one killed mid-job', () => {
  let test: TestDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    test = await freshDatabase('postgres');
    await sql`create table effects (job_id text not null, n integer not null, node text not null)`.execute(
      test.db.kysely,
    );
  });
  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await test?.dispose();
  });

  const startNode = (node: string) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        env: {
          ...process.env,
          TANDEM_TEST_DB: test.location,
          TANDEM_TEST_NODE: node,
          TANDEM_TEST_WORK_MS: '300',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.once('error', reject);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
    });

  const waitFor = async (what: string, condition: () => Promise<boolean>, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('runs every job exactly once', { timeout: 60_000 }, async () => {
    const deps = serviceDeps(test.db);
    const definition = { id: 'test.effect', version: 1, input: z.object({ n: z.number().int() }) };
    const rows = Array.from({ length: JOBS }, (_, n) => newJob(deps, definition, { n }));
    await repositories(test.db.kysely, 'postgres').jobs.insertMany(rows);

    const doomed = await startNode('doomed');
    const claimedByDoomed = () =>
      test.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('lockedBy', '=', 'doomed')
        .where('state', '=', 'running')
        .execute();
    // Kill it while it holds jobs it has not finished (each takes 300 ms), after it finished some.
    await waitFor('the doomed node to finish a job and hold others', async () => {
      const done = await sql<{
        n: number;
      }>`select count(*)::int as n from effects where node = 'doomed'`.execute(test.db.kysely);
      return (done.rows[0]?.n ?? 0) > 0 && (await claimedByDoomed()).length > 0;
    });
    // Killed at once (a spawn first would leave it time to finish what it holds under load).
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    const held = (await claimedByDoomed()).map((j) => j.id);
    await startNode('survivor');

    await waitFor('every job to succeed', async () => {
      const left = await test.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('state', '<>', 'succeeded')
        .execute();
      return left.length === 0;
    });

    const effects = (
      await sql<{ jobId: string; n: number; node: string }>`select job_id, n, node from effects`.execute(
        test.db.kysely,
      )
    ).rows;
    expect(effects).toHaveLength(JOBS);
    expect(new Set(effects.map((e) => e.jobId)).size).toBe(JOBS);
    expect(effects.map((e) => e.n).sort((a, b) => a - b)).toEqual(Array.from({ length: JOBS }, (_, n) => n));
    expect(new Set(effects.map((e) => e.node))).toEqual(new Set(['doomed', 'survivor']));
    // The jobs the killed node held were taken over once their lease ended, each with a lost run.
    expect(held.length).toBeGreaterThan(0);
    const runs = await test.db.kysely.selectFrom('jobRuns').selectAll().where('jobId', 'in', held).execute();
    for (const id of held) {
      const mine = runs.filter((r) => r.jobId === id).sort((a, b) => a.attempt - b.attempt);
      expect(mine.map((r) => [r.node, r.outcome])).toEqual([
        ['doomed', 'lost'],
        ['survivor', 'succeeded'],
      ]);
    }
    const killedEffects = effects.filter((e) => held.includes(e.jobId));
    expect(killedEffects.every((e) => e.node === 'survivor')).toBe(true);

    const survivorProcess = children[1]!;
    const exited = new Promise((resolve) => survivorProcess.once('exit', resolve));
    survivorProcess.kill('SIGTERM');
    await exited;
  });
});
