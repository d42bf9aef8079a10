// Two `tandem serve` nodes on one PostgreSQL database (issue 17 item 3), one command:
//
//   TANDEM_BENCH_PG_URL=postgres://tandem:tandem@127.0.0.1:5432/tandem_test \
//     npx tsx bench/http/two-nodes.ts [--size large|medium] [--seconds 10] [--clients 32] [--rounds 2]
//     [--cpu-prof DIR]
//
// Two organisations (two workspaces) are generated in a fresh database; then, in each round:
// - one node: `--clients` autocannon clients checking in to workspace A through one node;
// - (a) two nodes, two workspaces: `--clients` clients per node, node 1's on A, node 2's on B;
//   target: the total >= 1.6x one node's rate;
// - (b) two nodes, one workspace: the `--clients` clients of A split over both nodes (half each);
//   target: no slower than one node.
// Each writer checks in to a KR of its own team, as `bench:http` does. Reported per scenario: the
// rate, p50/p99, errors, the servers' CPU per check-in (utime + stime from /proc) and the load
// average. Both nodes start (and stay up) for every scenario, so each runs its background work
// (rollup settler, job runner) throughout. After each scenario, 10 check-ins through node 2 are
// read back through node 1 (the KR's value, its objective's score): rollups current on the next
// read, across nodes.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { TokenService } from '../../server/auth/token.service';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../../server/demo/large';
import { serviceDeps } from '../../server/services/index';
import { PG_SKIPPED, withScratchPgDatabase } from '../scratch-databases';
import { checkInRequest, startServer } from '../serve';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizeName = (option('--size') ?? 'large') as keyof typeof ORG_SIZES;
const seconds = Number(option('--seconds') ?? 10);
const clients = Number(option('--clients') ?? 32);
const rounds = Number(option('--rounds') ?? 2);
/** With `--cpu-prof DIR`: both nodes run under `node --cpu-prof` (read with bench/http/profile-summary.ts). */
const profileDir = option('--cpu-prof');
const pgUrl = process.env.TANDEM_BENCH_PG_URL ?? process.env.TANDEM_TEST_PG_URL;

interface Writer {
  token: string;
  kr: string;
  objective: string;
}
interface Workspace {
  cycle: string;
  admin: string;
  writers: Writer[];
}

async function prepare(url: string): Promise<Workspace[]> {
  const db = openDatabase(url);
  await migrateToLatest(db);
  const size = ORG_SIZES[sizeName];
  const tokens = new TokenService(serviceDeps(db));
  const out: Workspace[] = [];
  for (const seed of [42, 43]) {
    const started = performance.now();
    const org = await generateOrganisation(db, { size, at: Date.now(), seed });
    const tokenOf = async (personId: string) =>
      (
        await tokens.create(
          { workspaceId: org.workspaceId, personId, actorType: 'person', source: 'api' },
          { name: 'bench' },
        )
      ).token;
    const cycle = org.activeCycleId;
    const teams = org.unitIds.slice(1 + Math.round(Math.sqrt(size.units) * 0.6));
    const writers: Writer[] = [];
    for (const unit of teams.slice(0, 256)) {
      const objective = `${cycle}-o${org.unitIds.indexOf(unit)}`;
      writers.push({
        token: await tokenOf(org.peopleByUnit.get(unit)![0]!),
        kr: `${objective}-k0`,
        objective,
      });
    }
    out.push({ cycle, admin: await tokenOf(org.adminId), writers });
    console.log(
      `workspace ${org.workspaceId}: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  await db.close();
  return out;
}

/** User + system CPU time of a process, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** `connections` clients on `url`, each check-in by the next writer of `writers`. */
function checkIns(url: string, connections: number, writers: readonly Writer[], offset: number) {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [checkInRequest(writers, offset)],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  (instance as autocannon.Instance).on('response', ((_c: unknown, code: number, _b: number, time: number) => {
    latencies.push(time);
    if (code >= 400) errors++;
  }) as never);
  return instance.then((result) => ({
    latencies,
    errors: errors + result.errors,
    duration: result.duration || seconds,
  }));
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

/**
 * Rollups current on the next read, across nodes: 10 writers each check in through node `via`,
 * then read the KR and its objective through the other node `read`; the KR carries the value and
 * the objective's score is the weighted mean of its KRs' scores.
 */
async function rollupsCurrent(via: string, read: string, workspace: Workspace): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  let current = 0;
  const sample = workspace.writers.slice(0, 10);
  for (const [i, writer] of sample.entries()) {
    const value = 1000 + i;
    const headers = { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' };
    const posted = await fetch(`${via}/api/v1/check-ins`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ goalType: 'key_result', goalId: writer.kr, value }),
    });
    if (posted.status !== 201) continue;
    const kr = (await (await fetch(`${read}/api/v1/key-results/${writer.kr}`, { headers })).json()) as {
      latestValue: number;
    };
    const objective = (await (
      await fetch(`${read}/api/v1/objectives/${writer.objective}`, { headers })
    ).json()) as {
      score: number | null;
      keyResults: { score: number | null; weight: number }[];
    };
    const weighted = objective.keyResults.filter((k) => k.weight > 0);
    const mean =
      weighted.reduce((sum, k) => sum + k.weight * (k.score ?? 0), 0) /
      weighted.reduce((sum, k) => sum + k.weight, 0);
    if (kr.latestValue === value && objective.score !== null && Math.abs(objective.score - mean) <= 1e-9)
      current++;
  }
  return `${current}/${sample.length}`;
}

async function measure(url: string): Promise<void> {
  const workspaces = await prepare(url);
  const [a, b] = workspaces as [Workspace, Workspace];
  const node = {
    env: { TANDEM_DB_POOL: '32' },
    nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  };
  const one = await startServer(url, node);
  const two = await startServer(url, node);
  const rows: string[] = [];
  try {
    const scenario = async (name: string, target: string, runs: [string, number, Workspace, number][]) => {
      const pids = [one.child.pid!, two.child.pid!];
      const cpuBefore = pids.map(cpuMs);
      const load = loadavg()[0]!;
      const results = await Promise.all(runs.map(([u, c, w, offset]) => checkIns(u, c, w.writers, offset)));
      const cpu = pids.map(cpuMs).reduce((s, v, i) => s + v - cpuBefore[i]!, 0);
      const latencies = results.flatMap((r) => r.latencies).sort((x, y) => x - y);
      const perSecond = results.reduce((s, r) => s + r.latencies.length / r.duration, 0);
      const errors = results.reduce((s, r) => s + r.errors, 0);
      const current = await rollupsCurrent(two.url, one.url, runs[0]![2]);
      rows.push(
        `| ${name} | ${Math.round(perSecond)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${errors} | ${(cpu / latencies.length).toFixed(2)} | ${current} | ${target} | ${load.toFixed(1)} |`,
      );
      console.log(rows[rows.length - 1]);
      return perSecond;
    };
    const half = Math.max(1, Math.floor(clients / 2));
    for (let round = 0; round < rounds; round++) {
      const single = await scenario(`one node, workspace A, ${clients} clients`, 'baseline', [
        [one.url, clients, a, 0],
      ]);
      const apart = await scenario(
        `(a) two nodes, node 1 on A and node 2 on B, ${clients} clients each`,
        '>= 1.6x one node',
        [
          [one.url, clients, a, 0],
          [two.url, clients, b, 0],
        ],
      );
      const together = await scenario(
        `(b) two nodes, both on A, ${half} clients each`,
        'no slower than one node',
        [
          [one.url, half, a, 0],
          [two.url, clients - half, a, 128],
        ],
      );
      rows.push(
        `| round ${round}: (a) / one node = ${(apart / single).toFixed(2)}x, (b) / one node = ${(together / single).toFixed(2)}x |  |  |  |  |  |  |  |  |`,
      );
      console.log(rows[rows.length - 1]);
    }
  } finally {
    for (const { child } of [one, two]) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
  }
  console.log(`\nnode ${process.version}, size ${sizeName}, ${seconds} s per scenario, PostgreSQL\n`);
  console.log(
    '| scenario | check-ins/s | p50 ms | p99 ms | errors | server CPU ms per check-in (both nodes) | rollups current on the next read | target | load (1 min) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

if (!pgUrl) {
  console.log(PG_SKIPPED);
  if (process.env.CI === 'true') process.exitCode = 1;
} else await withScratchPgDatabase(pgUrl, 'tandem_two_nodes', measure);
