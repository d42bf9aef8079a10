// Statements (PostgreSQL: round trips, counted at the driver) and in-process time per dashboard
// read, on the skewed organisation of issue 17 item 2: every objective of the active cycle at
// company level, 1,000 objectives of the cycle before it in one team. Through the services, as
// `tandem serve` calls them (no HTTP), so the counts are exact and the times load-robust-ish
// (CPU time of this process beside wall time).
//
//   TANDEM_BENCH_PG_URL=postgres://tandem:tandem@127.0.0.1:5432/tandem_test \
//     npx tsx bench/dashboard-round-trips.ts [--size medium|large] [--by-sql]
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { type Actor, createServices, serviceDeps } from '../server/services/index';
import { PG_SKIPPED, withScratchPgDatabase } from './scratch-databases';
import { skewOrganisation } from './skew';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const size = ORG_SIZES[(option('--size') ?? 'medium') as keyof typeof ORG_SIZES];
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;

let count = 0;
const bySql = new Map<string, number>();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  count++;
  const first = rest[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 140);
  bySql.set(key, (bySql.get(key) ?? 0) + 1);
  return (query as (...a: unknown[]) => unknown).apply(this, rest);
} as typeof query;

async function measure(url: string): Promise<void> {
  const db = openDatabase(url);
  await migrateToLatest(db);
  const org = await generateOrganisation(db, { size, at: Date.now() });
  const { team, previous } = await skewOrganisation(db, org, size.objectives);
  const s = createServices(serviceDeps(db));
  const admin: Actor = {
    workspaceId: org.workspaceId,
    personId: org.adminId,
    actorType: 'person',
    source: 'api',
  };
  const reads: [string, () => Promise<unknown>][] = [
    ['skewed company dashboard', () => s.reads.dashboard(admin, org.activeCycleId)],
    ['skewed unit page', () => s.reads.unitPage(admin, previous, team)],
  ];
  for (const [name, read] of reads) {
    await read();
    const runs = 20;
    count = 0;
    bySql.clear();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < runs; i++) await read();
    const wall = (performance.now() - started) / runs;
    const used = process.cpuUsage(cpu);
    console.log(
      `${name}: ${(count / runs).toFixed(1)} round trips a read, ${wall.toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms CPU of this process a read`,
    );
    if (args.includes('--by-sql'))
      for (const [text, n] of [...bySql].sort((a, b) => b[1] - a[1]))
        console.log(`${(n / runs).toFixed(2).padStart(6)}  ${text}`);
  }
  await db.close();
}

if (!pgUrl) console.log(PG_SKIPPED);
else await withScratchPgDatabase(pgUrl, 'tandem_dashboard_trips', measure);
