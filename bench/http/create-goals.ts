// `npx tsx bench/http/create-goals.ts [--objectives 1000] [--concurrency 8] [--sqlite-only|--pg-only]`:
// issue 17 item 4's workload as the peers were measured on it: into an empty workspace (signed up
// over the API), 1,000 objectives with 3 KRs each created over HTTP by 8 concurrent clients, each
// client creating an objective and then its KRs one after the other. On a fresh SQLite file and,
// when TANDEM_BENCH_PG_URL or TANDEM_TEST_PG_URL names a server, a fresh PostgreSQL database.
// Reports the wall time, requests per second, per-request p50/p95/p99 and every non-2xx answer
// (a deadlock surfacing as a 500 counts here). The peers took 19 to 29 s on this machine.
import { loadavg } from 'node:os';
import { PG_SKIPPED, withScratchPgDatabase, withScratchSqliteFile } from '../scratch-databases';
import { startServer } from '../serve';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const objectives = Number(option('--objectives') ?? 1000);
const concurrency = Number(option('--concurrency') ?? 8);
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;

interface Session {
  cookie: string;
  csrf: string;
  personId: string;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

async function run(label: string, database: string): Promise<void> {
  const { child, url } = await startServer(database, { env: { LOG_LEVEL: 'warn', TANDEM_DB_POOL: '16' } });
  try {
    const signup = await fetch(`${url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'bench@example.test',
        password: 'correct horse battery staple',
        name: 'Bench Admin',
        workspaceName: 'Bench',
      }),
    });
    if (!signup.ok) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
    const me = (await signup.json()) as { csrfToken: string; person: { id: string } };
    const session: Session = {
      cookie: /tandem_session=([^;]+)/.exec(signup.headers.get('set-cookie') ?? '')?.[1] ?? '',
      csrf: me.csrfToken,
      personId: me.person.id,
    };
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    const call = async (method: string, path: string, body?: unknown) => {
      const started = performance.now();
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          cookie: `tandem_session=${session.cookie}`,
          'x-csrf-token': session.csrf,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      latencies.push(performance.now() - started);
      if (!res.ok) {
        const key = `${method} ${path.split('?')[0]} ${res.status}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        return undefined;
      }
      return JSON.parse(text) as { id: string; items?: { id: string; parentId: string | null }[] };
    };
    const year = new Date().getUTCFullYear();
    const cycle = await call('POST', '/api/v1/cycles', {
      name: `${year}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`,
      state: 'active',
    });
    const units = await call('GET', '/api/v1/units');
    const company = units?.items?.find((u) => u.parentId === null);
    if (!cycle || !company) throw new Error('no cycle or company unit');
    latencies.length = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < objectives; i = next++) {
          const objective = await call('POST', '/api/v1/objectives', {
            cycleId: cycle.id,
            unitId: company.id,
            title: `Customers in region ${i} renew and recommend us`,
            ownerId: session.personId,
            kind: i % 3 === 0 ? 'aspirational' : 'committed',
          });
          if (!objective) continue;
          for (let k = 0; k < 3; k++) {
            await call('POST', '/api/v1/key-results', {
              objectiveId: objective.id,
              ownerId: session.personId,
              title: `Metric ${k} of region ${i} from 10 to 40`,
              measure: { type: 'increase', start: 10, target: 40 },
            });
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const ms = (p: number) => percentile(latencies, p).toFixed(1);
    const errors = [...failures.values()].reduce((a, b) => a + b, 0);
    console.log(
      `| ${label} | ${objectives} x 3 | ${concurrency} | ${seconds.toFixed(1)} s | ${Math.round(latencies.length / seconds)}/s | ${ms(50)} | ${ms(95)} | ${ms(99)} | ${errors}${errors ? ` (${[...failures].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''} |`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

console.log(
  `node ${process.version}, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log('| database | goals | clients | wall | requests/s | p50 ms | p95 ms | p99 ms | errors |');
console.log('|---|---|---|---|---|---|---|---|---|');
if (!args.includes('--pg-only')) await withScratchSqliteFile('tandem-create', (file) => run('SQLite', file));
if (!args.includes('--sqlite-only')) {
  if (pgUrl) await withScratchPgDatabase(pgUrl, 'tandem_create', (url) => run('PostgreSQL', url));
  else console.log(PG_SKIPPED);
}
console.log(
  `load average at the end ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
