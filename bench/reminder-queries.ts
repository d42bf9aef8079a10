// `npx tsx bench/reminder-queries.ts [--size medium|large]`: the SQL statements one reminder and one
// digest execute (counted at better-sqlite3, every statement run), on the demo organisation
// at its next check-in occasion: the sweep queues the sends, then 1,000 reminders and the digests run
// through the send job's batch handler, as the runner would. A load-robust companion to
// bench/reminders.ts (statements and milliseconds per message sent).

import { loadavg } from 'node:os';
import pino from 'pino';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { loadDemo } from '../server/demo/load';
import type { BatchContext } from '../server/jobs/job';
import type { Channel } from '../server/notify/message';
import { DIGEST_BATCH, Notifier, SEND_BATCH } from '../server/notify/notifier';
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
  const [, send, digest] = new Notifier(deps, {
    channels: [channel],
    publicUrl: 'https://tandem.example.com',
  }).jobs();
  const notifier = new Notifier(deps, { channels: [channel], publicUrl: 'https://tandem.example.com' });
  await notifier.sweep({ send: send!, digest: digest! });
  const jobs = await db.kysely
    .selectFrom('jobs')
    .select(['id', 'input'])
    .where('name', 'in', ['notify.send', 'notify.digest'])
    .execute();
  // Through the send jobs' batch handler, as the runner runs it: batches of up to SEND_BATCH
  // reminders, DIGEST_BATCH digests.
  const measure = async (kind: string, limit: number) => {
    const picked = jobs.filter((j) => JSON.parse(j.input).kind === kind).slice(0, limit);
    const before = statements;
    const sentBefore = sent.length;
    const started = performance.now();
    const size = kind === 'digest' ? DIGEST_BATCH : SEND_BATCH;
    const job = kind === 'digest' ? digest! : send!;
    for (let i = 0; i < picked.length; i += size) {
      const items = picked.slice(i, i + size).map((job) => ({
        input: JSON.parse(job.input),
        job: { id: job.id, key: null, attempt: 1, runAt: 0 },
      }));
      await job.batch!.handler(items, {
        deps,
        logger: pino({ level: 'silent' }),
        complete: async (ids, work) => {
          const held = new Set(ids);
          await work?.(db.kysely as never, held);
          return held;
        },
        fail: async () => {},
        hold: async () => new Set(items.map((i) => i.job.id)),
      } as BatchContext);
    }
    const ms = performance.now() - started;
    const messages = sent.length - sentBefore;
    return {
      kind,
      sends: picked.length,
      messages,
      batches: Math.ceil(picked.length / size),
      statements: statements - before,
      statementsPerMessage: Number(((statements - before) / Math.max(1, messages)).toFixed(2)),
      msPerMessage: Number((ms / Math.max(1, messages)).toFixed(2)),
    };
  };
  const rows = [await measure('reminder', 1000), await measure('digest', 1000)];
  console.log(
    JSON.stringify(
      { size, rows, messages: sent.length, loadAverage: loadavg().map((l) => l.toFixed(2)) },
      null,
      2,
    ),
  );
  await db.close();
});
