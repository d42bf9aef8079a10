import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, serviceDeps } from '../services/context';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type BackgroundTask, startBackground } from './background';
import { newJob } from './job';
import { JOB_RETENTION_MS, maintenanceJobs, pruneJobs } from './maintenance';
import { JobRunner } from './runner';

const START = Date.UTC(2026, 11, 1, 20, 0);
const HOUR = 3_600_000;

/** The housekeeping jobs every node runs: expired sessions (hourly) and finished jobs (daily). */
describeEachDialect('housekeeping jobs', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.db.kysely;
    await sql`insert into workspaces (id, name, settings, version, created_at) values ('w', 'W', '{}', 1, 1)`.execute(
      db,
    );
    await sql`insert into people (id, workspace_id, email, name, role, time_zone, is_active, created_at)
      values ('p', 'w', 'a@w.test', 'A', 'admin', 'UTC', 1, 1)`.execute(db);
    await db
      .insertInto('accounts')
      .values({ id: 'a', email: 'a@w.test', passwordHash: 'x', createdAt: 1, updatedAt: 1 })
      .execute();
  });
  afterAll(() => test.dispose());

  it('sweeps expired sessions every hour, keeping live ones', async () => {
    const session = (id: string, expiresAt: number) => ({
      id,
      tokenHash: `hash-${id}`,
      csrfToken: 'c',
      accountId: 'a',
      workspaceId: 'w',
      personId: 'p',
      createdAt: 0,
      expiresAt,
    });
    await test.db.kysely
      .insertInto('sessions')
      .values([
        session('gone', START - 1),
        session('at-start', START + 30 * 60_000),
        session('live', START + 10 * HOUR),
      ])
      .execute();
    const clock = new FixedClock(START + 5 * 60_000);
    const runner = new JobRunner(serviceDeps(test.db, clock), maintenanceJobs, { node: 'n' });
    // The first look runs the latest slot (19:20): the session expired before it goes.
    await runner.drain();
    const left = async () =>
      (await test.db.kysely.selectFrom('sessions').select('id').orderBy('id').execute()).map((s) => s.id);
    expect(await left()).toEqual(['at-start', 'live']);
    clock.set(START + 19 * 60_000);
    await runner.drain();
    expect(await left()).toEqual(['at-start', 'live']);
    clock.set(START + 20 * 60_000); // 20:20, the next slot; 'at-start' expired at 20:30
    await runner.drain();
    expect(await left()).toEqual(['at-start', 'live']);
    clock.set(START + HOUR + 20 * 60_000);
    await runner.drain();
    expect(await left()).toEqual(['live']);
    const slots = await test.db.kysely
      .selectFrom('jobs')
      .select(['key', 'state'])
      .where('name', '=', 'sessions.prune')
      .orderBy('runAt')
      .execute();
    expect(slots).toEqual(
      ['19:20', '20:20', '21:20'].map((t) => ({
        key: `sessions.prune@2026-12-01T${t}:00.000Z`,
        state: 'succeeded',
      })),
    );
  });

  it('deletes finished jobs and their runs a week after they end, never queued ones', async () => {
    // A day whose 03:40 slot has not run yet (the test above ran today's).
    const clock = new FixedClock(START + 24 * HOUR);
    const deps = serviceDeps(test.db, clock);
    const noop = { id: 'test.noop', version: 1, input: pruneJobs.input };
    const old = { ...newJob({ clock, newId: () => 'old' }, noop, { slot: 0 }), state: 'succeeded' as const };
    const waiting = {
      ...newJob({ clock, newId: () => 'waiting' }, noop, { slot: 0 }),
      runAt: START + 30 * 24 * HOUR,
    };
    await test.db.kysely
      .insertInto('jobs')
      .values([{ ...old, finishedAt: clock.now() - JOB_RETENTION_MS - 1 }, waiting])
      .execute();
    await test.db.kysely
      .insertInto('jobRuns')
      .values({
        id: 'r',
        jobId: 'old',
        attempt: 1,
        node: 'n',
        outcome: 'succeeded',
        error: null,
        startedAt: 0,
        finishedAt: 0,
      })
      .execute();
    await new JobRunner(deps, [pruneJobs], { node: 'n' }).drain();
    const ids = (
      await test.db.kysely.selectFrom('jobs').select('id').where('name', '=', 'test.noop').execute()
    ).map((j) => j.id);
    expect(ids).toEqual(['waiting']);
    expect(
      await test.db.kysely.selectFrom('jobRuns').select('id').where('jobId', '=', 'old').execute(),
    ).toEqual([]);
  });
});

describe('background tasks', () => {
  const logger = pino({ level: 'silent' });
  const task = (name: string, log: string[], fails?: 'start' | 'stop'): BackgroundTask => ({
    name,
    start: async () => {
      if (fails === 'start') throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
      if (fails === 'stop') throw new Error(`${name} cannot stop`);
    },
  });

  it('start in order and stop in reverse, each stopped even when another fails to stop', async () => {
    const log: string[] = [];
    const background = await startBackground(
      [task('a', log), task('b', log, 'stop'), task('c', log)],
      logger,
    );
    await background.stop();
    await background.stop();
    expect(log).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
  });

  it('a task that fails to start stops those already started, and the error comes out', async () => {
    const log: string[] = [];
    await expect(
      startBackground([task('a', log), task('b', log), task('c', log, 'start')], logger),
    ).rejects.toThrow('c cannot start');
    expect(log).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });
});
