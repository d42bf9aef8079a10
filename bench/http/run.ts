// `npm run bench:http [-- --size large|medium] [--sqlite-only|--pg-only] [--seconds N] [--list-only]`: generates
// the large organisation (SPEC 11) in SQLite and, when TANDEM_BENCH_PG_URL or TANDEM_TEST_PG_URL
// names a PostgreSQL server, in a fresh PostgreSQL database; starts `tandem serve` on it in its own
// process on loopback; drives it with autocannon: the company dashboard, unit pages, every page of
// the cycle list beside its floor (issue 17: the large cycle, and 1,000 objectives x 3 KRs in a
// workspace of its own), and check-in creation at 32 concurrent clients;
// checks that every rollup is current on the next read; and reads the server's peak memory.
// Also the first dashboard read after start (cold compliance heatmap), the whole cycle's alignment
// graph, and the skewed organisation. `--dashboards-only` runs the dashboard reads alone;
// `--cpu-prof DIR` profiles the server (one directory per database). `--list-only`: the cycle
// lists alone (no dashboards, check-ins or skewed organisation).
// Figures go in docs/PERFORMANCE.md.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type autocannon from 'autocannon';
import Sqlite from 'better-sqlite3';
import { TokenService } from '../../server/auth/token.service';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../../server/demo/large';
import { serviceDeps } from '../../server/services/index';
import { PG_SKIPPED, withScratchPgDatabase, withScratchSqliteFile } from '../scratch-databases';
import { checkInRequest, runLoad, startServer } from '../serve';
import { skewOrganisation } from '../skew';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizeName = (option('--size') ?? 'large') as keyof typeof ORG_SIZES;
const size = ORG_SIZES[sizeName];
const seconds = Number(option('--seconds') ?? 10);
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;
/** `--dashboards-only`: the dashboard reads alone (no check-ins, no lists), per database as above. */
const dashboardsOnly = args.includes('--dashboards-only');
const isListOnly = args.includes('--list-only');
/** `--cpu-prof DIR`: the server writes a CPU profile there (bench/http/profile-summary.ts reads it). */
const cpuProf = option('--cpu-prof');
/** Issue 17 item 1's organisation: 1,000 objectives with 3 KRs each in one cycle. */
const THOUSAND_BY_THREE = {
  people: 1_000,
  units: 100,
  objectives: 1_000,
  keyResults: 3_000,
  smartGoals: 2_000,
  cycles: 1,
};

interface Row {
  database: string;
  name: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  errors: number;
  target: string;
  isMet: boolean;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

/** `runLoad` for this run's `seconds`. */
const load = (
  url: string,
  options: { connections: number; requests: autocannon.Request[]; headers?: Record<string, string> },
) => runLoad(url, { ...options, seconds });

function row(
  database: string,
  name: string,
  run: Awaited<ReturnType<typeof load>>,
  target: string,
  isMet: (r: Row) => boolean,
): Row {
  const r: Row = {
    database,
    name,
    requests: run.latencies.length,
    p50: round(percentile(run.latencies, 50)),
    p95: round(percentile(run.latencies, 95)),
    p99: round(percentile(run.latencies, 99)),
    perSecond: Math.round(run.perSecond),
    errors: run.errors,
    target,
    isMet: false,
  };
  r.isMet = isMet(r) && r.errors === 0;
  return r;
}

/** Peak resident memory of a process, in MB (Linux). */
function peakMemory(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * Issue 17 item 1: every page of `GET /objectives?cycle=` (500 a page) as the admin, timed end to
 * end, five times; beside it the floor: the same objectives, KRs and latest check-ins read
 * straight from the SQLite file with better-sqlite3 (three indexed queries) and `JSON.stringify`,
 * in this process, no HTTP (PostgreSQL: no floor).
 */
async function listCycle(
  url: string,
  headers: Record<string, string>,
  cycle: string,
  location: string,
  view: 'full' | 'summary',
): Promise<{ latencies: number[]; floor: number | undefined; items: number; pages: number; bytes: number }> {
  let shape = { items: 0, pages: 0, bytes: 0 };
  const once = async () => {
    shape = { items: 0, pages: 0, bytes: 0 };
    let cursor: string | null = null;
    do {
      const query = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const response = await fetch(`${url}/api/v1/objectives?cycle=${cycle}&limit=500&view=${view}${query}`, {
        headers,
      });
      const text = await response.text();
      const page = JSON.parse(text) as { items: unknown[]; nextCursor: string | null };
      shape.items += page.items.length;
      shape.pages++;
      shape.bytes += text.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
  };
  const timed = async (work: () => unknown) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  let floor: (() => number) | undefined;
  let file: Sqlite.Database | undefined;
  if (!location.startsWith('postgres')) {
    file = new Sqlite(location, { readonly: true });
    const objectives = file.prepare('select * from objectives where cycle_id = ? order by id');
    const keyResults = file.prepare(
      'select k.* from key_results k join objectives o on o.id = k.objective_id where o.cycle_id = ?',
    );
    const latest = file.prepare(
      `select c.* from key_results k join objectives o on o.id = k.objective_id
       join check_ins c on c.id = (select id from check_ins where goal_id = k.id order by at desc, seq desc limit 1)
       where o.cycle_id = ?`,
    );
    floor = () =>
      JSON.stringify({
        objectives: objectives.all(cycle),
        keyResults: keyResults.all(cycle),
        latest: latest.all(cycle),
      }).length;
  }
  await once();
  floor?.();
  const latencies: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (floor) floors.push(await timed(floor));
    latencies.push(await timed(once));
  }
  file?.close();
  latencies.sort((a, b) => a - b);
  floors.sort((a, b) => a - b);
  return { latencies, floor: floor ? round(percentile(floors, 50)) : undefined, ...shape };
}

/** The size in KB of a GET's JSON, sent uncompressed. */
async function sizeOf(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } });
  return Math.round((await response.text()).length / 1024);
}

/**
 * Issue 17: the whole cycle's alignment graph, every page of 500 one after the other (what the web
 * app's alignment tree reads), three times: the figure is the median of the whole read.
 */
async function alignment(
  label: string,
  url: string,
  headers: Record<string, string>,
  cycle: string,
): Promise<Row> {
  const totals: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let cursor: string | null = null;
    pages = 0;
    bytes = 0;
    do {
      const query: string = `cycle=${cycle}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await fetch(`${url}/api/v1/alignment?${query}`, { headers });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`alignment answered ${response.status}: ${text}`);
      bytes += text.length;
      pages++;
      cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor;
    } while (cursor);
    totals.push(performance.now() - started);
  }
  totals.sort((a, b) => a - b);
  return row(
    label,
    `alignment graph, the whole cycle (${pages} pages of 500, ${Math.round(bytes / 1024)} KB; median of 3 whole reads)`,
    { latencies: totals, perSecond: 0, errors: 0 },
    'reported (issue 17)',
    () => true,
  );
}

/**
 * Issue 17 item 2, the skewed organisation: the same data with every objective of the active
 * cycle moved to the company (3,000 at company level for the large organisation) and 1,000
 * objectives of the cycle before it in one team; the company dashboard and that team's page, one
 * client, with their first page's size (the rest is reachable by `nextCursor`).
 */
async function skewed(
  label: string,
  url: string,
  location: string,
  org: Awaited<ReturnType<typeof generateOrganisation>>,
  admin: Record<string, string>,
): Promise<Row[]> {
  const db = openDatabase(location);
  const { team, previous, crowded } = await skewOrganisation(db, org, size.objectives);
  await db.close();
  const company = `/api/v1/dashboard?cycle=${org.activeCycleId}`;
  const unit = `/api/v1/dashboard/units/${team}?cycle=${previous}`;
  const rows: Row[] = [];
  for (const [name, path, count] of [
    ['skewed: company dashboard, all objectives at company level', company, size.objectives],
    ['skewed: unit page, one unit with the objectives of a cycle', unit, crowded],
  ] as const) {
    await fetch(`${url}${path}`, { headers: admin });
    const kb = await sizeOf(`${url}${path}`, admin);
    const run = await load(url, { connections: 1, headers: admin, requests: [{ method: 'GET', path }] });
    rows.push(
      row(
        label,
        `${name} (${count}; first page ${kb} KB)`,
        run,
        'p95 < 50 ms, < 200 KB',
        (r) => r.p95 < 50 && kb < 200,
      ),
    );
  }
  return rows;
}

async function bench(label: string, location: string): Promise<Row[]> {
  const db: Db = openDatabase(location);
  await migrateToLatest(db);
  const started = performance.now();
  const org = await generateOrganisation(db, { size, at: Date.now() });
  console.log(
    `${label}: generated ${JSON.stringify(org.counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // Issue 17's own case beside the large cycle: 1,000 objectives x 3 KRs, in a workspace of its own.
  const thousand = await generateOrganisation(db, { size: THOUSAND_BY_THREE, at: Date.now(), seed: 7 });
  const tokens = new TokenService(serviceDeps(db));
  const tokenOf = async (personId: string) =>
    (
      await tokens.create(
        { workspaceId: org.workspaceId, personId, actorType: 'person', source: 'api' },
        { name: 'bench' },
      )
    ).token;
  const cycle = org.activeCycleId;
  const teams = org.unitIds.slice(1 + Math.round(Math.sqrt(size.units) * 0.6));
  const adminToken = await tokenOf(org.adminId);
  const thousandToken = (
    await tokens.create(
      { workspaceId: thousand.workspaceId, personId: thousand.adminId, actorType: 'person', source: 'api' },
      { name: 'bench' },
    )
  ).token;
  // Team leads own KR 0 of their team's first objective, which aligns up two levels: each
  // check-in moves six rollups. 256 teams spread the writers as a real organisation would.
  const writers: { token: string; kr: string }[] = [];
  for (const unit of teams.slice(0, 256)) {
    const index = org.unitIds.indexOf(unit);
    writers.push({ token: await tokenOf(org.peopleByUnit.get(unit)![0]!), kr: `${cycle}-o${index}-k0` });
  }
  const readers = await Promise.all(
    teams.slice(0, 64).map(async (unit) => ({ unit, token: await tokenOf(org.peopleByUnit.get(unit)![0]!) })),
  );
  // PostgreSQL: the steady state of a database in use. Without it autovacuum works through the
  // freshly loaded tables during the runs (check-ins read 124 to 214/s instead of 352 to 474/s,
  // bench/http/pg-checkins.ts, 2026-12-03).
  if (db.native.dialect === 'postgres') await db.native.pool.query('VACUUM ANALYZE');
  await db.close();

  const { child, url } = await startServer(location, {
    env: { TANDEM_DB_POOL: '32' },
    nodeFlags: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}/${label}`] : [],
  });
  const rows: Row[] = [];
  try {
    const admin = { authorization: `Bearer ${adminToken}` };
    if (!isListOnly) {
      // Issue 17: the first read after start computes the compliance heatmap (nothing cached yet).
      const coldStart = performance.now();
      await fetch(`${url}/api/v1/dashboard?cycle=${cycle}`, { headers: admin });
      const cold = round(performance.now() - coldStart);
      rows.push(
        row(
          label,
          'company dashboard, first read after start (cold heatmap), once',
          { latencies: [cold], perSecond: 0, errors: 0 },
          'reported (issue 17)',
          () => true,
        ),
      );
      const dashboard = await load(url, {
        connections: 1,
        headers: admin,
        requests: [{ method: 'GET', path: `/api/v1/dashboard?cycle=${cycle}` }],
      });
      rows.push(row(label, 'company dashboard, 1 client', dashboard, 'p95 < 50 ms', (r) => r.p95 < 50));
      // A member's dashboard counts only what they may see (SPEC 8): every objective is checked.
      const member = { authorization: `Bearer ${readers[0]!.token}` };
      const memberDashboard = await load(url, {
        connections: 1,
        headers: member,
        requests: [{ method: 'GET', path: `/api/v1/dashboard?cycle=${cycle}` }],
      });
      rows.push(
        row(
          label,
          "company dashboard (a member's), 1 client",
          memberDashboard,
          'p95 < 50 ms',
          (r) => r.p95 < 50,
        ),
      );
      let u = 0;
      const unitPage = await load(url, {
        connections: 1,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const reader = readers[u++ % readers.length]!;
              return {
                ...request,
                path: `/api/v1/dashboard/units/${reader.unit}?cycle=${cycle}`,
                headers: { authorization: `Bearer ${reader.token}` },
              };
            },
          },
        ],
      });
      rows.push(row(label, 'unit page, 1 client', unitPage, 'p95 < 30 ms', (r) => r.p95 < 30));
      rows.push(await alignment(label, url, admin, cycle));
      if (dashboardsOnly) {
        rows.push(...(await skewed(label, url, location, org, admin)));
        return rows;
      }
      const checkIns = await load(url, {
        connections: 32,
        requests: [checkInRequest(writers)],
      });
      rows.push(
        row(
          label,
          'check-in creation, 32 clients',
          checkIns,
          '>= 1,500/s, p99 < 50 ms',
          (r) => r.perSecond >= 1500 && r.p99 < 50,
        ),
      );
      // Requests autocannon abandoned at the end of its run may still be committing: let them land.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      let stale = 0;
      for (const [i, writer] of writers.slice(0, 20).entries()) {
        const value = 1000 + i;
        const headers = { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' };
        const posted = await fetch(`${url}/api/v1/check-ins`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ goalType: 'key_result', goalId: writer.kr, value }),
        });
        if (posted.status !== 201)
          console.log(`${label}: check-in answered ${posted.status}: ${await posted.text()}`);
        const kr = (await (await fetch(`${url}/api/v1/key-results/${writer.kr}`, { headers })).json()) as {
          latestValue: number;
          score: number;
          objectiveId: string;
        };
        const objective = (await (
          await fetch(`${url}/api/v1/objectives/${kr.objectiveId}`, { headers })
        ).json()) as {
          score: number | null;
          keyResults: { score: number | null; weight: number }[];
        };
        const weighted = objective.keyResults.filter((k) => k.weight > 0);
        const mean =
          weighted.reduce((sum, k) => sum + k.weight * (k.score ?? 0), 0) /
          weighted.reduce((sum, k) => sum + k.weight, 0);
        if (kr.latestValue !== value || objective.score === null || Math.abs(objective.score - mean) > 1e-9) {
          stale++;
          console.log(
            `${label}: stale after a check-in on ${writer.kr}: latestValue ${kr.latestValue} (sent ${value}), objective score ${objective.score} (its KRs give ${mean})`,
          );
        }
      }
      console.log(`${label}: rollups current on the next read: ${20 - stale}/20`);
      const memory = peakMemory(child.pid!);
      rows.push({
        database: label,
        name: `server peak memory (rollups current: ${20 - stale}/20)`,
        requests: 0,
        p50: 0,
        p95: 0,
        p99: 0,
        perSecond: 0,
        errors: stale,
        target: `< 400 MB (${memory} MB)`,
        isMet: memory < 400 && stale === 0,
      });
    }
    // After the memory figure above, which stays comparable with earlier runs; its own peak is shown.
    // Both views, compressed as fetch asks (gzip, deflate, br); sizes are of the JSON decoded.
    const lists = [
      { headers: admin, cycle, what: 'the cycle' },
      {
        headers: { authorization: `Bearer ${thousandToken}` },
        cycle: thousand.activeCycleId,
        what: '1,000 objectives x 3 KRs',
      },
    ];
    for (const { headers, cycle: listed, what } of lists)
      for (const view of ['full', 'summary'] as const) {
        const list = await listCycle(url, headers, listed, location, view);
        rows.push(
          row(
            label,
            `list ${what}, view=${view} (${list.items} objectives, ${list.pages} pages of 500, ${Math.round(list.bytes / 1024)} KB; floor p50 ${list.floor ?? '-'} ms, server peak after it ${peakMemory(child.pid!)} MB, ratio ${list.floor ? (percentile(list.latencies, 50) / list.floor).toFixed(2) : '-'})`,
            { latencies: list.latencies, perSecond: 0, errors: 0 },
            'ratio to floor <= 1.0, p50 < 120 ms',
            (r) => r.p50 < 120 && (list.floor === undefined || r.p50 <= list.floor),
          ),
        );
      }
    if (!isListOnly) rows.push(...(await skewed(label, url, location, org, admin)));
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return rows;
}

console.log(`node ${process.version}, ${cpus().length} cores, size ${sizeName}, ${seconds} s per run`);
const rows: Row[] = [];
if (!args.includes('--pg-only')) {
  rows.push(...(await withScratchSqliteFile('tandem-http-bench', (file) => bench('SQLite', file))));
}
if (!args.includes('--sqlite-only')) {
  if (!pgUrl) console.log(PG_SKIPPED);
  else
    rows.push(
      ...(await withScratchPgDatabase(pgUrl, 'tandem_http_bench', (url) => bench('PostgreSQL', url))),
    );
}
console.log(
  '\n| database | benchmark | requests | p50 ms | p95 ms | p99 ms | per second | errors | target | met |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.name} | ${r.requests} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.perSecond || ''} | ${r.errors} | ${r.target} | ${r.isMet ? 'yes' : 'no'} |`,
  );
}
