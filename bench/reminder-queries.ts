// `npx tsx bench/reminder-queries.ts [--size medium|large]`: the SQL statements one reminder send and
// one digest send execute (counted at better-sqlite3, every statement run), on the demo organisation
// at its next check-in occasion: the sweep queues the sends, then 100 reminders and every digest run
// one at a time through the send job's handler. A load-robust companion to bench/reminders.ts.

import { loadavg } from 'node:os';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { loadDemo } from '../server/demo/load';
import type { Channel } from '../server/notify/message';
import { Notifier } from '../server/notify/notifier';
import { latestOccasion } from '../server/notify/occasion';
import { FixedClock, serviceDeps } from '../server/services/context';
import { readSettings } from '../server/services/workspace-settings';
import { withScratchSqliteFile } from './scratch-databases';

const args = process.argv.slice(2);
const size = (args.includes('--size') ? args[args.indexOf('--size') + 1] : 'medium') as 'medium' | 'large';

await withScratchSqliteFile('tandem-reminder-queries', async (file) => {
  const db = openDatabase(file);
  await migrateToLatest(db);
  const generatedAt = Date.now();
  await loadDemo(db, { size, at: generatedAt });
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
  const occasion = latestOccasion(
    generatedAt + 7 * 86_400_000,
    settings.checkinDay,
    settings.checkinHour,
    settings.timeZone,
  ).at;
  // Every statement run, counted on the statement prototype (the statement cache reuses them).
  if (db.native.dialect !== 'sqlite') throw new Error('SQLite only');
  const sqlite = db.native.database;
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  let statements = 0;
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method]!;
    proto[method] = function (this: unknown, ...a: unknown[]) {
      statements++;
      return original.apply(this, a);
    };
  }
  const sent: string[] = [];
  const channel: Channel = {
    id: 'email',
    destinations: async (r) => [r.email ?? 'x@example.com'],
    send: async (_d, m) => {
      sent.push(m.kind);
    },
  } as Channel;
  const deps = serviceDeps(db, new FixedClock(occasion));
  const [, send] = new Notifier(deps, {
    channels: [channel],
    publicUrl: 'https://tandem.example.com',
  }).jobs();
  const notifier = new Notifier(deps, { channels: [channel], publicUrl: 'https://tandem.example.com' });
  await notifier.sweep(send);
  const jobs = await db.kysely
    .selectFrom('jobs')
    .select(['id', 'input'])
    .where('name', '=', 'notify.send')
    .execute();
  const measure = async (kind: string, limit: number) => {
    const picked = jobs.filter((j) => JSON.parse(j.input).kind === kind).slice(0, limit);
    const counts: number[] = [];
    const started = performance.now();
    for (const job of picked) {
      const before = statements;
      await send!.handler(JSON.parse(job.input), {
        job: { id: job.id, attempt: 1 },
        complete: async (f: (trx: unknown) => Promise<void>) => f(db.kysely),
      } as never);
      counts.push(statements - before);
    }
    const ms = performance.now() - started;
    counts.sort((a, b) => a - b);
    return {
      kind,
      sends: picked.length,
      statementsMean: Math.round(counts.reduce((a, b) => a + b, 0) / counts.length),
      statementsMax: counts.at(-1),
      msPerSend: Math.round(ms / picked.length),
    };
  };
  const rows = [await measure('reminder', 100), await measure('digest', 1000)];
  console.log(
    JSON.stringify(
      { size, rows, messages: sent.length, loadAverage: loadavg().map((l) => l.toFixed(2)) },
      null,
      2,
    ),
  );
  await db.close();
});
