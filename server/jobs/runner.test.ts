import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { type Db, openDatabase } from '../db/database';
import { repositories } from '../repositories/index';
import { FixedClock, serviceDeps } from '../services/context';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { sequentialIds } from '../test/scenario';
import { defineJob, type JobDefinition, newJob, PermanentJobError } from './job';
import { JobRunner, scheduledInput } from './runner';
import { slotKey } from './schedule';

/**
 * The jobs queue on a real database of each dialect: claims with a lease, takeover of a lost
 * lease, retries with backoff, every run's outcome, and scheduled slots queued exactly once by
 * two schedulers (two nodes: two connections on PostgreSQL) over eight weeks of simulated clock.
 */

const START = Date.UTC(2026, 9, 12, 0, 0); // a Monday
const HOUR = 3_600_000;

describeEachDialect('jobs queue', (dialect) => {
  let test: TestDatabase;
  let secondNode: Db;
  let clock: FixedClock;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    secondNode = dialect === 'postgres' ? openDatabase(test.location) : test.db;
    await sql`create table effects (job_id text not null, slot bigint, node text not null)`.execute(
      test.db.kysely,
    );
  });
  afterAll(async () => {
    if (secondNode !== test.db) await secondNode.close();
    await test.dispose();
  });
  beforeEach(async () => {
    clock = new FixedClock(START);
    await test.db.kysely.deleteFrom('jobs').execute();
    await sql`delete from effects`.execute(test.db.kysely);
  });

  const runner = (definitions: JobDefinition[], options: { node: string; db?: Db; leaseMs?: number }) =>
    new JobRunner(serviceDeps(options.db ?? test.db, clock), definitions, {
      node: options.node,
      leaseMs: options.leaseMs ?? 60_000,
      newId: sequentialIds(options.node),
    });
  const repos = () => repositories(test.db.kysely, test.db.dialect);
  const effects = async () =>
    (
      await sql<{
        jobId: string;
        slot: number | null;
        node: string;
      }>`select job_id, slot, node from effects order by job_id`.execute(test.db.kysely)
    ).rows;
  const record = defineJob({
    id: 'test.record',
    version: 1,
    input: z.object({ n: z.number() }),
    handler: async (_input, { job, complete }) => {
      await complete(async (trx) => {
        await sql`insert into effects (job_id, node) values (${job.id}, ${'x'})`.execute(trx);
      });
    },
  });

  it('claims each job once: two runners draining one queue run every job exactly once and record it', async () => {
    const one = runner([record], { node: 'one' });
    const two = runner([record], { node: 'two', db: secondNode });
    for (let n = 0; n < 30; n++) await one.enqueue(record, { n });
    await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    const done = await effects();
    expect(done).toHaveLength(30);
    expect(new Set(done.map((e) => e.jobId)).size).toBe(30);
    const jobs = await test.db.kysely.selectFrom('jobs').selectAll().execute();
    expect(jobs.every((j) => j.state === 'succeeded' && j.attempts === 1 && j.lockedUntil === 0)).toBe(true);
    expect(jobs.every((j) => j.finishedAt === START)).toBe(true);
    const runs = await test.db.kysely.selectFrom('jobRuns').selectAll().execute();
    expect(runs).toHaveLength(30);
    expect(runs.every((r) => r.outcome === 'succeeded' && r.attempt === 1 && r.error === null)).toBe(true);
    expect(new Set(runs.map((r) => r.node))).toEqual(new Set(jobs.map((j) => j.lockedBy)));
    // A job nobody defines on a runner stays queued for a runner that does.
    const other = defineJob({ id: 'test.other', version: 1, input: z.object({}), handler: async () => {} });
    await one.enqueue(other, {});
    expect(await one.drain()).toBe(0);
    expect(await runner([other], { node: 'three' }).drain()).toBe(1);
  });

  it('ends a drain when the runner is stopped: it claims nothing more, and a later drain runs the rest', async () => {
    let stopping: Promise<void> | undefined;
    const stopper: JobDefinition = defineJob({
      id: 'test.stopper',
      version: 1,
      input: z.object({ n: z.number() }),
      handler: async (input, context) => {
        await record.handler(input, context);
        if (input.n === 0) stopping = one.stop();
      },
    });
    const one = new JobRunner(serviceDeps(test.db, clock), [stopper], {
      node: 'one',
      concurrency: 1,
      newId: sequentialIds('one'),
    });
    for (let n = 0; n < 5; n++) await one.enqueue(stopper, { n });
    expect(await one.drain()).toBe(1);
    await stopping;
    expect(await effects()).toHaveLength(1);
    expect(
      await test.db.kysely.selectFrom('jobs').where('state', '=', 'queued').select('id').execute(),
    ).toHaveLength(4);
    expect(await one.drain()).toBe(4);
    expect(await effects()).toHaveLength(5);
  });

  it('validates input when a job is queued, and fails a stored job whose input no longer parses', async () => {
    const one = runner([record], { node: 'one' });
    await expect(one.enqueue(record, { n: 'seven' as unknown as number })).rejects.toThrow(/expected number/);
    await repos().jobs.insertMany([
      { ...newJob({ clock, newId: () => 'bad' }, record, { n: 1 }), input: '{"n":"x"}' },
    ]);
    await one.drain();
    const bad = await repos().jobs.find('bad');
    expect(bad).toMatchObject({ state: 'failed', attempts: 1 });
    expect(bad?.lastError).toMatch(/^invalid input: .*expected number/);
  });

  it("takes over a crashed node's job once its lease ends, and records the lost run", async () => {
    const id = await runner([record], { node: 'one' }).enqueue(record, { n: 1 });
    // A node claims it and dies without finishing.
    const claimed = await test.db.kysely
      .transaction()
      .execute((trx) =>
        repositories(trx, test.db.dialect).jobs.claim(
          ['test.record'],
          START,
          10,
          'dead',
          START + 30_000,
          () => 'r0',
        ),
      );
    expect(claimed.map((j) => [j.id, j.state, j.attempts])).toEqual([[id, 'running', 1]]);
    const survivor = runner([record], { node: 'survivor', db: secondNode });
    clock.set(START + 30_000);
    expect(await survivor.drain()).toBe(0);
    clock.set(START + 30_001);
    expect(await survivor.drain()).toBe(1);
    expect((await effects()).map((e) => e.jobId)).toEqual([id]);
    expect(await repos().jobs.find(id)).toMatchObject({
      state: 'succeeded',
      attempts: 2,
      lockedBy: 'survivor',
    });
    const runs = await repos().jobs.runs(id);
    expect(runs.map((r) => [r.attempt, r.node, r.outcome, r.startedAt, r.finishedAt])).toEqual([
      [1, 'dead', 'lost', START, START + 30_001],
      [2, 'survivor', 'succeeded', START + 30_001, START + 30_001],
    ]);
    // The dead node's late result is refused: the lease is no longer its.
    const [stale] = claimed;
    expect(await repos().jobs.finish(stale!, 'dead', START + 40_000, { outcome: 'succeeded' }, 'late')).toBe(
      false,
    );
  });

  it('retries a failing job with backoff until it succeeds; fails it after the last attempt or at once when permanent', async () => {
    let failures = 2;
    const flaky = defineJob({
      id: 'test.flaky',
      version: 1,
      input: z.object({ permanent: z.boolean() }),
      retry: { maxAttempts: 3, backoffMs: (attempt) => 1000 * 10 ** (attempt - 1) },
      handler: async ({ permanent }) => {
        if (permanent) throw new PermanentJobError('cannot ever work');
        if (failures-- > 0) throw new Error(`flaky ${failures}`);
      },
    });
    const one = runner([flaky], { node: 'one' });
    const id = await one.enqueue(flaky, { permanent: false });
    expect(await one.drain()).toBe(1);
    expect(await repos().jobs.find(id)).toMatchObject({
      state: 'queued',
      runAt: START + 1000,
      lastError: 'flaky 1',
    });
    clock.set(START + 999);
    expect(await one.drain()).toBe(0);
    clock.set(START + 1000);
    expect(await one.drain()).toBe(1);
    expect(await repos().jobs.find(id)).toMatchObject({
      state: 'queued',
      runAt: START + 11_000,
      attempts: 2,
    });
    clock.set(START + 11_000);
    expect(await one.drain()).toBe(1);
    expect(await repos().jobs.find(id)).toMatchObject({ state: 'succeeded', attempts: 3, lastError: null });
    expect((await repos().jobs.runs(id)).map((r) => [r.outcome, r.error, r.finishedAt])).toEqual([
      ['retry', 'flaky 1', START],
      ['retry', 'flaky 0', START + 1000],
      ['succeeded', null, START + 11_000],
    ]);

    failures = 10;
    const doomed = await one.enqueue(flaky, { permanent: false });
    for (const at of [START + 11_000, START + 12_000, START + 22_000]) {
      clock.set(at);
      expect(await one.drain()).toBe(1);
    }
    clock.set(START + 10 * HOUR);
    expect(await one.drain()).toBe(0);
    expect(await repos().jobs.find(doomed)).toMatchObject({
      state: 'failed',
      attempts: 3,
      finishedAt: START + 22_000,
    });
    expect((await repos().jobs.runs(doomed)).map((r) => r.outcome)).toEqual(['retry', 'retry', 'failed']);

    const permanent = await one.enqueue(flaky, { permanent: true });
    await one.drain();
    expect(await repos().jobs.find(permanent)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'cannot ever work',
    });
  });

  it('queues each slot of a weekly schedule exactly once with two schedulers over eight weeks, in its time zone', async () => {
    const weekly = defineJob({
      id: 'test.weekly',
      version: 1,
      input: scheduledInput,
      // Monday 09:00 in Berlin: 07:00 UTC in summer time, 08:00 UTC after 25 October.
      schedule: { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' },
      handler: async ({ slot }, { job, complete }) => {
        await complete(async (trx) => {
          await sql`insert into effects (job_id, slot, node) values (${job.id}, ${slot}, ${'x'})`.execute(
            trx,
          );
        });
      },
    });
    const one = runner([weekly], { node: 'one' });
    const two = runner([weekly], { node: 'two', db: secondNode });
    let late: JobRunner | undefined;
    for (let at = START; at <= START + 8 * 7 * 24 * HOUR; at += 3 * HOUR) {
      clock.set(at);
      await Promise.all([one.drain(), two.drain()]);
      // A third node starts in week four, after the hour: it queues nothing already queued.
      if (at === START + (3 * 7 * 24 + 12) * HOUR) late = runner([weekly], { node: 'late' });
      if (late) await late.drain();
    }
    const done = await effects();
    // The first look also queues the latest slot before it (the Monday before the start), as a
    // node starting late would; then each Monday once.
    const mondays = [-1, 0, 1, 2, 3, 4, 5, 6, 7].map(
      (week) => START + week * 7 * 24 * HOUR + (week < 2 ? 7 : 8) * HOUR,
    );
    expect(done.map((e) => Number(e.slot)).sort((a, b) => a - b)).toEqual(mondays);
    const jobs = await test.db.kysely.selectFrom('jobs').select(['key', 'state']).orderBy('key').execute();
    expect(jobs).toEqual(mondays.map((slot) => ({ key: slotKey('test.weekly', slot), state: 'succeeded' })));
  });

  it('a node that starts after a slot queues that missed slot, once', async () => {
    const hourly = defineJob({
      id: 'test.hourly',
      version: 1,
      input: scheduledInput,
      schedule: { cron: '0 * * * *' },
      handler: async () => {},
    });
    clock.set(START + 5 * HOUR + 17 * 60_000);
    const one = runner([hourly], { node: 'one' });
    expect(await one.schedule()).toBe(1);
    expect(await runner([hourly], { node: 'two', db: secondNode }).schedule()).toBe(0);
    expect(await one.schedule()).toBe(0);
    clock.set(START + 8 * HOUR);
    expect(await one.schedule()).toBe(3);
    const keys = (await test.db.kysely.selectFrom('jobs').select('key').orderBy('runAt').execute()).map(
      (j) => j.key,
    );
    expect(keys).toEqual([5, 6, 7, 8].map((h) => slotKey('test.hourly', START + h * HOUR)));
  });

  it('a schedule that catches up with the latest slot queues only the newest after a gap', async () => {
    const sweep = defineJob({
      id: 'test.sweep',
      version: 1,
      input: scheduledInput,
      schedule: { cron: '*/15 * * * *', catchUp: 'latest' },
      handler: async () => {},
    });
    clock.set(START + HOUR);
    const one = runner([sweep], { node: 'one' });
    expect(await one.schedule()).toBe(1);
    // Six days later (576 slots missed): one job, for the newest slot.
    clock.set(START + 6 * 24 * HOUR + 20 * 60_000);
    expect(await one.schedule()).toBe(1);
    const keys = (await test.db.kysely.selectFrom('jobs').select('key').orderBy('runAt').execute()).map(
      (j) => j.key,
    );
    expect(keys).toEqual(
      [START + HOUR, START + 6 * 24 * HOUR + 15 * 60_000].map((t) => slotKey('test.sweep', t)),
    );
  });
});
