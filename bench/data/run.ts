import { cpus } from 'node:os';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../../server/demo/large';
import { BATCH_LIMIT } from '../../server/services/check-in.service';
import { type Actor, createServices, FixedClock, serviceDeps } from '../../server/services/index';
import { settleRollupsNow } from '../../server/services/rollup-backlog';
import { workspaceSettingsSchema } from '../../server/services/workspace-settings';
import { PG_SKIPPED, withScratchPgDatabase, withScratchSqliteFile } from '../scratch-databases';
import { formatRow, type Latency, timeAsync, timeConcurrent } from './measure';

const args = process.argv.slice(2);
const sizeName = (args[args.indexOf('--size') + 1] ?? 'large') as keyof typeof ORG_SIZES;
const size = args.includes('--size') ? ORG_SIZES[sizeName] : ORG_SIZES.large;
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;
const AT = Date.UTC(2026, 10, 20, 12);

async function bench(dialect: 'sqlite' | 'postgres', db: Db): Promise<Latency[]> {
  await migrateToLatest(db);
  let started = performance.now();
  const org = await generateOrganisation(db, {
    size,
    at: AT,
    onProgress: (step, done, total) => process.stderr.write(`  ${dialect}: ${step} ${done}/${total}\n`),
  });
  const generation = (performance.now() - started) / 1000;
  console.log(`${dialect}: generated ${JSON.stringify(org.counts)} in ${generation.toFixed(1)} s`);
  const clock = new FixedClock(AT);
  const s = createServices(serviceDeps(db, clock));
  const actor = (personId: string): Actor => ({
    workspaceId: org.workspaceId,
    personId,
    actorType: 'person',
    source: 'api',
  });
  const admin = actor(org.adminId);
  const cycle = org.activeCycleId;
  const teams = org.unitIds.slice(1 + Math.round(Math.sqrt(size.units) * 0.6));
  const leadOf = (unitId: string) => actor(org.peopleByUnit.get(unitId)![0]!);
  const teamIndex = (i: number) => org.unitIds.indexOf(teams[i % teams.length]!);
  // KR 0 of a team's first objective: its objective aligns to an aligned KR of its department,
  // whose objective aligns to an aligned KR of the company: every check-in moves six rollups.
  const krOf = (i: number) => `${cycle}-o${teamIndex(i)}-k0`;
  // Its owner is the team's lead, who checks in as any member would (the batch is an admin's).
  const ownerOf = (i: number) => leadOf(teams[i % teams.length]!);
  const results: Latency[] = [];
  started = performance.now();
  results.push(
    await timeAsync(
      'unit page',
      200,
      (i) => {
        const unit = teams[(i * 7) % teams.length]!;
        return s.reads.unitPage(leadOf(unit), cycle, unit);
      },
      { target: 'p95 < 30 ms (HTTP)' },
    ),
  );
  results.push(
    await timeAsync('company dashboard', 30, () => s.reads.dashboard(admin, cycle), {
      target: 'p95 < 50 ms (HTTP)',
    }),
  );
  let n = 0;
  const deps = serviceDeps(db, clock);
  const workspace = { id: org.workspaceId, settings: JSON.stringify(workspaceSettingsSchema.parse({})) };
  results.push(
    await timeAsync(
      'single check-in, all rollups',
      300,
      async (i) => {
        await s.checkIns.checkIn(ownerOf(i), {
          goalType: 'key_result',
          goalId: krOf(i),
          value: 100 + (n++ % 50),
        });
        // The department and company rollups above it, as the next read would settle them.
        await settleRollupsNow(deps, workspace);
      },
      { target: 'p99 < 50 ms' },
    ),
  );
  results.push(
    await timeConcurrent(
      'check-ins, 32 concurrent clients',
      32,
      40,
      (c, i) =>
        s.checkIns.checkIn(ownerOf(c * 40 + i + 3), {
          goalType: 'key_result',
          goalId: krOf(c * 40 + i + 3),
          value: 120 + i,
        }),
      '>= 1,500/s, p99 < 50 ms',
    ),
  );
  results.push(
    await timeAsync(
      `${BATCH_LIMIT} check-ins on ${BATCH_LIMIT} KRs in one batch (the limit)`,
      3,
      (r) =>
        s.checkIns.checkInBatch(admin, {
          items: Array.from({ length: BATCH_LIMIT }, (_, i) => ({
            goalType: 'key_result' as const,
            goalId: krOf(r * BATCH_LIMIT + i),
            value: 130 + r,
          })),
        }),
      { warmup: 1 },
    ),
  );
  console.log(
    `${dialect}: timed in ${((performance.now() - started) / 1000).toFixed(1)} s, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
  return results;
}

console.log(
  `node ${process.version}, ${cpus().length} cores, size ${args.includes('--size') ? sizeName : 'large'}`,
);
const rows: string[] = [];
if (!args.includes('--pg-only')) {
  await withScratchSqliteFile('tandem-bench', async (file) => {
    const db = openDatabase(file);
    try {
      for (const r of await bench('sqlite', db)) rows.push(formatRow('SQLite', r));
    } finally {
      await db.close();
    }
  });
}
if (!args.includes('--sqlite-only')) {
  if (!pgUrl) console.log(PG_SKIPPED);
  else {
    await withScratchPgDatabase(pgUrl, 'tandem_bench', async (url) => {
      const db = openDatabase(url, { poolSize: 32 });
      // DROP DATABASE ... WITH (FORCE) afterwards may still find idle connections of the pool
      // closing, and end them: an error on the pool then, not a failure of the benchmark.
      if (db.native.dialect === 'postgres') db.native.pool.on('error', () => {});
      try {
        for (const r of await bench('postgres', db)) rows.push(formatRow('PostgreSQL', r));
      } finally {
        await db.close();
      }
    });
  }
}
console.log(
  '\n| database | benchmark | runs | p50 ms | p95 ms | p99 ms | rate | target |\n|---|---|---|---|---|---|---|---|',
);
for (const row of rows) console.log(row);
