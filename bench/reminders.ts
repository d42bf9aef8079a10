// `npm run bench:reminders [-- --size large|medium] [--sqlite-only|--pg-only] [--concurrency N] [--reminders-only|--digests-only] [--by-sql]`:
// the reminder sweep of SPEC 11's large organisation (10,000 people), from the check-in hour to the
// last message a real SMTP server on loopback accepted: the demo is generated in a scratch SQLite
// file and (with TANDEM_BENCH_PG_URL or TANDEM_TEST_PG_URL) a scratch PostgreSQL database, email is
// switched on, the clock is put at the workspace's next check-in occasion, and one node's job runner
// (the sweep, then every `notify.send` and `notify.digest`) runs until the queue is empty. Reports the seconds, the
// messages, their rate, peak RSS, and the load average. Issue 13's target: under 30 s.
// Figures go in docs/PERFORMANCE.md.

import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Db, migrateToLatest, openDatabase } from '../server/db/database';
import { loadDemo } from '../server/demo/load';
import { JobRunner } from '../server/jobs/runner';
import { buildChannels, closeChannels } from '../server/notify/channels';
import { Notifier } from '../server/notify/notifier';
import { latestOccasion } from '../server/notify/occasion';
import { FixedClock, serviceDeps } from '../server/services/context';
import { readSettings } from '../server/services/workspace-settings';
import { PG_SKIPPED, withScratchPgDatabase, withScratchSqliteFile } from './scratch-databases';
import { instrumentSqliteStatements } from './sqlite-statements';

const TARGET_S = 30;
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const size = (option('--size') ?? 'large') as 'large' | 'medium';
const concurrency = Number(option('--concurrency') ?? 20);
/** `--reminders-only`: the leads' digests are taken off the queue after the sweep. */
const remindersOnly = args.includes('--reminders-only');
/** `--digests-only`: the reminders are taken off the queue after the sweep (the leads' digests alone). */
const digestsOnly = args.includes('--digests-only');
/** `--by-sql` (SQLite): the statements the sweep and its sends spent the most time in. */
const sqlite = args.includes('--by-sql') ? instrumentSqliteStatements() : undefined;
const WEEK = 7 * 86_400_000;

interface SinkCounts {
  accepted: number;
  reminders: number;
  digests: number;
  lastAt: number;
  lastReminderAt: number;
  lastDigestAt: number;
}

/**
 * The counting SMTP server (bench/smtp-sink.ts) in a child process, so the sender's CPU is measured
 * alone and the server has the other core, as a real mail server would.
 */
async function startCountingSmtp() {
  const child = fork(fileURLToPath(new URL('./smtp-sink.ts', import.meta.url)));
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m: { port: number }) => resolve(m.port)),
  );
  const report = () =>
    new Promise<SinkCounts>((resolve) => {
      child.once('message', (m: { counts: SinkCounts }) => resolve(m.counts));
      child.send('report');
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    report,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

async function bench(label: string, location: string) {
  const db: Db = openDatabase(location, { poolSize: 10 });
  try {
    await migrateToLatest(db);
    const generatedAt = Date.now();
    console.log(`${label}: generating the ${size} organisation…`);
    const load = await loadDemo(db, { size, at: generatedAt });
    if (load.status !== 'loaded') throw new Error(`${label}: the demo did not load (${load.status})`);
    const people = await db.kysely
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const workspace = await db.kysely
      .selectFrom('workspaces')
      .select(['id', 'settings'])
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(workspace.settings) as Record<string, unknown>;
    await db.kysely
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({ ...stored, notificationChannels: ['email'] }) })
      .where('id', '=', workspace.id)
      .execute();
    const settings = readSettings(JSON.stringify(stored), workspace.id);
    // The due hour: the workspace's next check-in occasion after the demo's "now", in its time zone.
    const occasion = latestOccasion(
      generatedAt + WEEK,
      settings.checkinDay,
      settings.checkinHour,
      settings.timeZone,
    ).at;
    const smtp = await startCountingSmtp();
    const channels = buildChannels({
      smtp: { url: smtp.url, from: 'Tandem <tandem@example.com>' },
      publicUrl: 'https://tandem.example.com',
    });
    const deps = serviceDeps(db, new FixedClock(occasion));
    const notifier = new Notifier(deps, { channels, publicUrl: 'https://tandem.example.com' });
    // Reminders only: the send job alone (the sweep's slot would queue the digests again).
    const jobs = notifier.jobs().filter((j) => !(remindersOnly || digestsOnly) || j.id !== 'notify.sweep');
    const runner = new JobRunner(deps, jobs, { concurrency });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    sqlite?.reset();
    const loadAtStart = loadavg().map((l) => l.toFixed(2));
    const cpuBefore = process.cpuUsage();
    const startedAt = Date.now();
    const progress = setInterval(() => {
      void smtp
        .report()
        .then((c) =>
          console.log(
            `${label}: ${c.accepted} messages after ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
          ),
        );
    }, 10_000);
    if (remindersOnly || digestsOnly) {
      // The sweep as the runner would run it, then the digests (or the reminders) taken off the queue.
      await notifier.sweep();
      await db.kysely
        .deleteFrom('jobs')
        .where('name', '=', remindersOnly ? 'notify.digest' : 'notify.send')
        .execute();
    }
    await runner.drain();
    clearInterval(progress);
    const finishedAt = Date.now();
    if (sqlite) for (const line of sqlite.top(25)) console.log(`${label}: ${line}`);
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const counts = await smtp.report();
    const log = await db.kysely
      .selectFrom('notifications')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    closeChannels(channels);
    await smtp.close();
    const since = (at: number) => Number((((at || finishedAt) - startedAt) / 1000).toFixed(2));
    const seconds = since(counts.lastAt);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      database: label,
      people: Number(people.n),
      messagesAccepted: counts.accepted,
      reminders: counts.reminders,
      digests: counts.digests,
      log: Object.fromEntries(log.map((r) => [r.state, Number(r.n)])),
      secondsToLastMessage: seconds,
      secondsToLastReminder: since(counts.lastReminderAt),
      secondsToQueueEmpty: since(finishedAt),
      messagesPerSecond: Math.round(counts.accepted / seconds),
      cpuSeconds: Number(cpuSeconds.toFixed(2)),
      cpuMsPerMessage: Number(((cpuSeconds * 1000) / Math.max(1, counts.accepted)).toFixed(2)),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      targetSeconds: TARGET_S,
      isMet: seconds <= TARGET_S,
      concurrency,
      remindersOnly,
      digestsOnly,
      loadAverageAtStart: loadAtStart,
      loadAverage: loadavg().map((l) => l.toFixed(2)),
      cores: cpus().length,
    };
  } finally {
    await db.close();
  }
}

const rows = [];
if (!args.includes('--pg-only'))
  rows.push(await withScratchSqliteFile('tandem-reminders-bench', (file) => bench('SQLite', file)));
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;
if (!args.includes('--sqlite-only')) {
  if (pgUrl)
    rows.push(
      await withScratchPgDatabase(pgUrl, 'tandem_reminders_bench', (url) => bench('PostgreSQL', url)),
    );
  else console.log(PG_SKIPPED);
}
console.log(
  JSON.stringify(
    { benchmark: `reminder sweep, ${size} organisation, email over loopback SMTP`, rows },
    null,
    2,
  ),
);
