// Check-ins over HTTP, two builds alternated in the same minutes (a load-robust A/B on a shared
// machine). One large organisation is generated once, by the code of the first build (the oldest
// schema), and copied for every run; each later build migrates its copy forward when it starts.
//
//   npx tsx bench/http/checkin-ab.ts --builds /work/wt/a7,. [--rounds 3] [--seconds 10]
//     [--size large|medium] [--cpu-prof DIR] [--base FILE]
//
// Per run: `tandem serve` of the build in its own process on the copy, 3 company dashboards as the
// admin, 3 as a member and 64 unit pages (so the memory figure is comparable with bench:http),
// then 32 autocannon clients creating check-ins for `--seconds`. Reported per run: check-ins/s,
// p50/p99, the server's CPU time per check-in (utime + stime from /proc), its peak resident memory
// (VmHWM) and the load average. `--cpu-prof DIR` runs the servers under `node --cpu-prof` (the
// profile covers the whole process; the check-in load dominates it).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const builds = (option('--builds') ?? '.').split(',').map((b) => resolve(b));
const rounds = Number(option('--rounds') ?? 3);
const seconds = Number(option('--seconds') ?? 10);
const sizeName = option('--size') ?? 'large';
const profileDir = option('--cpu-prof');
/** With `--warmup N`: the dashboards and unit pages for N s each, as bench:http runs them, instead of a few requests. */
const warmup = Number(option('--warmup') ?? 0);
const base = option('--base') ?? join(tmpdir(), `tandem-ab-${sizeName}.db`);

interface Meta {
  cycle: string;
  admin: string;
  writers: { token: string; kr: string }[];
  readers: { unit: string; token: string }[];
}

/** Generates the organisation with the first build's code (imported from its tree). */
async function prepare(root: string): Promise<Meta> {
  const from = (path: string) => import(pathToFileURL(join(root, path)).href);
  const { migrateToLatest, openDatabase } = await from('server/db/database.ts');
  const { generateOrganisation, ORG_SIZES } = await from('server/demo/large.ts');
  const { TokenService } = await from('server/auth/token.service.ts');
  const { serviceDeps } = await from('server/services/index.ts');
  const size = ORG_SIZES[sizeName];
  for (const suffix of ['', '-wal', '-shm']) rmSync(base + suffix, { force: true });
  const db = openDatabase(base);
  await migrateToLatest(db);
  const org = await generateOrganisation(db, { size, at: Date.now() });
  const tokens = new TokenService(serviceDeps(db));
  const tokenOf = async (personId: string): Promise<string> =>
    (
      await tokens.create(
        { workspaceId: org.workspaceId, personId, actorType: 'person', source: 'api' },
        { name: 'bench' },
      )
    ).token;
  const cycle = org.activeCycleId as string;
  const unitIds = org.unitIds as string[];
  const teams = unitIds.slice(1 + Math.round(Math.sqrt(size.units) * 0.6));
  const meta: Meta = { cycle, admin: await tokenOf(org.adminId), writers: [], readers: [] };
  for (const unit of teams.slice(0, 256)) {
    meta.writers.push({
      token: await tokenOf(org.peopleByUnit.get(unit)[0]),
      kr: `${cycle}-o${unitIds.indexOf(unit)}-k0`,
    });
  }
  for (const unit of teams.slice(0, 64))
    meta.readers.push({ unit, token: await tokenOf(org.peopleByUnit.get(unit)[0]) });
  await db.close();
  writeFileSync(`${base}.json`, JSON.stringify(meta));
  return meta;
}

function startServer(root: string, database: string, profile: string | undefined) {
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, 'bin/tandem.js', 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'info', TANDEM_DB_POOL: '32' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  return new Promise<{ child: ChildProcess; url: string }>((done, fail) => {
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\/\/\S+) /.exec(output)?.[1];
      if (url) done({ child, url });
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${output}`)));
  });
}

const status = (pid: number) => readFileSync(`/proc/${pid}/status`, 'utf8');
const peakMb = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(status(pid))?.[1] ?? 0) / 1024);
/** User + system CPU time of a process, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function load(
  url: string,
  connections: number,
  duration: number,
  request: () => { path: string; method: string; headers: Record<string, string>; body?: string },
) {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (r) => ({ ...r, ...request() }) as autocannon.Request }],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  (instance as autocannon.Instance).on('response', ((_c: unknown, code: number, _b: number, time: number) => {
    latencies.push(time);
    if (code >= 400) errors++;
  }) as never);
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  return {
    count: latencies.length,
    perSecond: latencies.length / (result.duration || duration),
    p50: at(50),
    p99: at(99),
    errors: errors + result.errors,
  };
}

async function run(root: string, meta: Meta, round: number) {
  const file = join(tmpdir(), `tandem-ab-run-${process.pid}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(base, file);
  const profile = profileDir ? join(profileDir, `${round}-${root.split('/').pop()}`) : undefined;
  if (profile) mkdirSync(profile, { recursive: true });
  const { child, url } = await startServer(root, file, profile);
  try {
    const admin = { authorization: `Bearer ${meta.admin}` };
    const member = { authorization: `Bearer ${meta.readers[0]!.token}` };
    if (warmup > 0) {
      for (const headers of [admin, member])
        await load(url, 1, warmup, () => ({
          method: 'GET',
          path: `/api/v1/dashboard?cycle=${meta.cycle}`,
          headers,
        }));
      let u = 0;
      await load(url, 1, warmup, () => {
        const reader = meta.readers[u++ % meta.readers.length]!;
        return {
          method: 'GET',
          path: `/api/v1/dashboard/units/${reader.unit}?cycle=${meta.cycle}`,
          headers: { authorization: `Bearer ${reader.token}` },
        };
      });
    } else {
      for (const headers of [admin, admin, admin, member, member, member])
        await (await fetch(`${url}/api/v1/dashboard?cycle=${meta.cycle}`, { headers })).text();
      for (const reader of meta.readers)
        await (
          await fetch(`${url}/api/v1/dashboard/units/${reader.unit}?cycle=${meta.cycle}`, {
            headers: { authorization: `Bearer ${reader.token}` },
          })
        ).text();
    }
    const warmPeak = peakMb(child.pid!);
    let n = 0;
    const cpuBefore = cpuMs(child.pid!);
    const load1 = loadavg()[0]!;
    const result = await load(url, 32, seconds, () => {
      const i = n++;
      const writer = meta.writers[i % meta.writers.length]!;
      return {
        method: 'POST',
        path: '/api/v1/check-ins',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ goalType: 'key_result', goalId: writer.kr, value: 100 + (i % 97) }),
      };
    });
    const cpu = cpuMs(child.pid!) - cpuBefore;
    return {
      build: root.split('/').pop(),
      round,
      perSecond: Math.round(result.perSecond),
      p50: result.p50,
      p99: result.p99,
      errors: result.errors,
      cpuPerCheckIn: Math.round((cpu / result.count) * 100) / 100,
      warmPeakMb: warmPeak,
      peakMb: peakMb(child.pid!),
      load: Math.round(load1 * 10) / 10,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

const meta: Meta =
  existsSync(base) && existsSync(`${base}.json`)
    ? JSON.parse(readFileSync(`${base}.json`, 'utf8'))
    : await prepare(builds[0]!);
const results = [];
for (let round = 0; round < rounds; round++) {
  // Alternate the order too, so neither build always runs first.
  const order = round % 2 === 0 ? builds : [...builds].reverse();
  for (const root of order) {
    const r = await run(root, meta, round);
    console.log(JSON.stringify(r));
    results.push(r);
  }
}
console.log(
  '\n| build | round | check-ins/s | p50 ms | p99 ms | errors | server CPU ms per check-in | peak MB before check-ins | peak MB | load (1 min) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.build} | ${r.round} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpuPerCheckIn} | ${r.warmPeakMb} | ${r.peakMb} | ${r.load} |`,
  );
