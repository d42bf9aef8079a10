// Round trips per check-in on PostgreSQL (issue 17 item 3), counted at the driver: every
// `pg.Client#query` is one round trip. Generates an organisation in a fresh database, then runs
// check-ins through the services at 32 concurrent callers, as `tandem serve` would, and reports
// the queries per check-in in all, and those inside the group's transaction (which run one
// after another, holding the workspace row, and so bound the rate), beside the rate itself.
//
//   TANDEM_BENCH_PG_URL=postgres://tandem:tandem@127.0.0.1:5432/tandem_test \
//     npx tsx bench/pg-round-trips.ts [--size medium|large] [--rounds 3] [--creates] [--by-sql]
//
// `--creates` also counts creating objectives with 3 KRs each at concurrency 8 (issue 17 item 4).
// `--sqlite` counts the statements SQLite runs instead (better-sqlite3's `run`/`get`/`all`/`iterate`:
// no round trips there, but each costs the single writer its time). `--by-sql` lists the
// statements of the last round by count.
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { type Actor, createServices, serviceDeps } from '../server/services/index';
import { PG_SKIPPED, withScratchPgDatabase, withScratchSqliteFile } from './scratch-databases';
import { instrumentSqliteStatements } from './sqlite-statements';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const size = ORG_SIZES[(option('--size') ?? 'medium') as keyof typeof ORG_SIZES];
const rounds = Number(option('--rounds') ?? 3);
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;

/** Counts every query sent, and those sent inside a transaction. */
const counts = { all: 0, inTransaction: 0 };
const bySql = new Map<string, number>();
const inTransaction = new WeakSet<object>();
const isSqlite = args.includes('--sqlite');
const countSql = (text: string) => {
  const key = text.replace(/\s+/g, ' ').slice(0, 160);
  bySql.set(key, (bySql.get(key) ?? 0) + 1);
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  counts.all++;
  const first = rest[0];
  const text = (typeof first === 'string' ? first : ((first as { text?: string })?.text ?? ''))
    .trim()
    .toLowerCase();
  countSql(text);
  if (text.startsWith('begin')) inTransaction.add(this);
  else if (inTransaction.has(this)) counts.inTransaction++;
  if (text.startsWith('commit') || (text.startsWith('rollback') && !text.startsWith('rollback to')))
    inTransaction.delete(this);
  return (query as (...a: unknown[]) => unknown).apply(this, rest);
} as typeof query;

/** SQLite: every execution of a statement (the transaction's own statements included), timed. */
const sqlite = isSqlite ? instrumentSqliteStatements() : undefined;

async function measure(url: string): Promise<void> {
  const db = openDatabase(url);
  await migrateToLatest(db);
  const org = await generateOrganisation(db, { size, at: Date.now() });
  const s = createServices(serviceDeps(db));
  const actor = (personId: string): Actor => ({
    workspaceId: org.workspaceId,
    personId,
    actorType: 'person',
    source: 'api',
  });
  const cycle = org.activeCycleId;
  const teams = org.unitIds.slice(1 + Math.round(Math.sqrt(size.units) * 0.6));
  const writers = teams.slice(0, 256).map((unit) => ({
    actor: actor(org.peopleByUnit.get(unit)![0]!),
    kr: `${cycle}-o${org.unitIds.indexOf(unit)}-k0`,
  }));
  const perClient = Number(option('--per-client') ?? 40);
  for (let round = 0; round < rounds; round++) {
    counts.all = 0;
    counts.inTransaction = 0;
    bySql.clear();
    sqlite?.reset();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          const w = writers[(c * perClient + i + round * 7) % writers.length]!;
          await s.checkIns.checkIn(w.actor, { goalType: 'key_result', goalId: w.kr, value: 100 + i + round });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const n = 32 * perClient;
    const totals = sqlite?.totals ?? counts;
    console.log(
      `check-ins round ${round}: ${n} at 32 callers, ${(totals.all / n).toFixed(2)} ${isSqlite ? 'statements' : 'round trips'} per check-in (${(totals.inTransaction / n).toFixed(2)} inside the group's transaction), ${Math.round(n / seconds)}/s`,
    );
  }
  if (args.includes('--by-sql')) {
    if (sqlite)
      for (const line of sqlite.top(30, 'count', 32 * perClient)) console.log(`per check-in ${line}`);
    else
      for (const [text, count] of [...bySql].sort((a, b) => b[1] - a[1]).slice(0, 30))
        console.log(`${(count / (32 * perClient)).toFixed(3).padStart(7)} per check-in  ${text}`);
  }
  if (args.includes('--creates')) {
    const admin = actor(org.adminId);
    const total = 200;
    counts.all = 0;
    counts.inTransaction = 0;
    sqlite?.reset();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) {
          const i = next++;
          const objective = await s.objectives.create(admin, {
            cycleId: cycle,
            title: `Round-trip objective ${i}`,
          });
          for (let k = 0; k < 3; k++)
            await s.keyResults.create(admin, {
              objectiveId: objective.id,
              title: `KR ${k}`,
              measure: { type: 'increase', start: 0, target: 100 },
            });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const totals = sqlite?.totals ?? counts;
    console.log(
      `creates: ${total} objectives x 3 KRs at concurrency 8: ${(totals.all / (total * 4)).toFixed(2)} round trips per goal (${(totals.inTransaction / (total * 4)).toFixed(2)} inside transactions), ${((seconds * 1000) / (total * 4)).toFixed(2)} ms per goal`,
    );
  }
  await db.close();
}

if (isSqlite) await withScratchSqliteFile('tandem-statements', measure);
else if (!pgUrl) console.log(PG_SKIPPED);
else await withScratchPgDatabase(pgUrl, 'tandem_round_trips', measure);
