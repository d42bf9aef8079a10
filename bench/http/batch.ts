// `npm run bench:batch [-- --sqlite-only|--pg-only] [--sizes 500,1000,2000,5000]`: starts `tandem
// serve` on a fresh SQLite file and, when TANDEM_BENCH_PG_URL or TANDEM_TEST_PG_URL names a
// PostgreSQL server, on a fresh PostgreSQL database; sends check-in batches of each size on one KR
// (sizes above the batch limit are sent as several batches back to back) while another client
// polls /api/health every 10 ms, and lint requests of a large goals file; prints the time of each
// and the health latency meanwhile. Figures go in docs/PERFORMANCE.md.
import { TokenService } from '../../server/auth/token.service';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import { BATCH_LIMIT } from '../../server/services/check-in.service';
import { COACH_LIMITS } from '../../server/services/coach.service';
import { createServices, serviceDeps } from '../../server/services/index';
import { smallOrg } from '../../server/test/fixtures';
import { PG_SKIPPED, withScratchPgDatabase, withScratchSqliteFile } from '../scratch-databases';
import { startServer } from '../serve';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizes = (option('--sizes') ?? '500,1000,2000,5000').split(',').map(Number);
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;

/** Polls /api/health until stopped; returns each answer's latency in ms, sorted. */
function pollHealth(url: string): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let isRunning = true;
  const loop = (async () => {
    while (isRunning) {
      const started = performance.now();
      await (await fetch(`${url}/api/health`)).text();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      isRunning = false;
      await loop;
      return latencies.sort((a, b) => a - b);
    },
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const at = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

async function bench(label: string, location: string): Promise<void> {
  const db = openDatabase(location);
  await migrateToLatest(db);
  const services = createServices(serviceDeps(db));
  const org = await smallOrg(services);
  const token = (await new TokenService(serviceDeps(db)).create(org.admin, { name: 'bench' })).token;
  await db.close();
  const { child, url } = await startServer(location, {
    env: { LOG_LEVEL: 'warn', TANDEM_BODY_LIMIT: '5000000' },
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    console.log(`\n${label} (batch limit ${BATCH_LIMIT} items)`);
    console.log(
      '| check-ins on one KR | requests | total | per item | slowest request | /api/health p50 / max meanwhile |',
    );
    console.log('|---|---|---|---|---|---|');
    let value = 0;
    for (const size of sizes) {
      const health = pollHealth(url);
      const started = performance.now();
      let slowest = 0;
      let requests = 0;
      for (let sent = 0; sent < size; sent += BATCH_LIMIT) {
        const items = Array.from({ length: Math.min(BATCH_LIMIT, size - sent) }, () => ({
          goalType: 'key_result',
          goalId: org.krId,
          value: (value++ % 100) + 0.5,
        }));
        const one = performance.now();
        const res = await fetch(`${url}/api/v1/check-ins/batch`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ items }),
        });
        if (res.status !== 201)
          throw new Error(`batch of ${items.length}: ${res.status} ${await res.text()}`);
        await res.text();
        slowest = Math.max(slowest, performance.now() - one);
        requests++;
      }
      const total = performance.now() - started;
      const latencies = await health.stop();
      console.log(
        `| ${size} | ${requests} | ${ms(total)} | ${(total / size).toFixed(2)} ms | ${ms(slowest)} | ${ms(at(latencies, 0.5))} / ${ms(latencies.at(-1) ?? 0)} |`,
      );
    }
    // The largest goals file the coach takes, while health is polled.
    const objective = (i: number) =>
      `  - key: o${i}\n    title: Grow the product line ${i} in every region we sell\n    key_results:\n      - key: k${i}\n        title: Increase weekly active teams from 10 to 40\n        measure: { type: increase, start: 10, target: 40 }\n`;
    let yaml = 'version: 1\ncycle: 2026-Q4\nobjectives:\n';
    for (let i = 0; yaml.split('\n').length + 6 < COACH_LIMITS.maxLines; i++) yaml += objective(i);
    const health = pollHealth(url);
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/coach/lint`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ yaml }),
    });
    await res.text();
    const lint = performance.now() - started;
    const latencies = await health.stop();
    console.log(
      `\ncoach lint of ${yaml.split('\n').length} lines (${yaml.length} characters): ${res.status} in ${ms(lint)}; /api/health p50 ${ms(at(latencies, 0.5))}, max ${ms(latencies.at(-1) ?? 0)}`,
    );
  } finally {
    child.kill();
  }
}

if (!args.includes('--pg-only')) await withScratchSqliteFile('tandem-batch', (file) => bench('SQLite', file));
if (!args.includes('--sqlite-only')) {
  if (pgUrl) await withScratchPgDatabase(pgUrl, 'tandem_batch', (url) => bench('PostgreSQL', url));
  else console.log(PG_SKIPPED);
}
