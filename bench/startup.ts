// `npm run bench:startup`: how long the `tandem` command takes to start (issue 17 item 5).
// Times, run after run and alternating so both see the same load:
// - `tandem --version` and `tandem score examples/acme-2026-q4.yaml`, from spawn to exit;
// - `tandem serve`, from spawn to the first answer of GET /api/health (a fresh SQLite file,
//   migrated by a warm-up start first, so each timed start is a restart);
// each from the build in dist/ (built first if stale) and from the TypeScript sources through tsx
// (TANDEM_FROM_SOURCE=1), beside the floor `node -e 0` measured in the same runs. It prints the
// median and min wall time, the median CPU time (user + system, Linux: /proc) which load hardly
// changes, and the load average. Targets (on a quiet machine): --version and score < 300 ms,
// serve to health < 2 s. Options: --runs N (default 10), --source-only, --dist-only.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli, isCliBuildStale } from '../scripts/build';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
const TICKS = 100; // USER_HZ on Linux

type Variant = 'floor' | 'dist' | 'source';
interface Sample {
  wallMs: number;
  cpuMs: number | undefined;
}

/** The CPU time a live process has used, in ms (Linux), or undefined elsewhere. */
function cpuOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14-17 of the line, 12-15 after the command name.
    const ticks = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
    return (ticks * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

function environment(variant: Variant, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...extra };
  delete env.NODE_OPTIONS;
  if (variant === 'source') env.TANDEM_FROM_SOURCE = '1';
  else delete env.TANDEM_FROM_SOURCE;
  return env;
}

/** Minutes and seconds as `times` prints them (`0m0.212s`), in ms. */
const timesMs = (text: string) => {
  const match = /^(\d+)m([\d.]+)s$/.exec(text);
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : Number.NaN;
};

/**
 * Runs a command to its exit, under bash so that its builtin `times` reports the CPU time of the
 * child (user and system), which Node cannot read once a child has exited. The shell adds a few
 * ms to the wall time, the same for every variant (the floor included).
 */
async function runToExit(variant: Variant, argv: string[]): Promise<Sample> {
  const command = variant === 'floor' ? ['-e', '0'] : ['bin/tandem.js', ...argv];
  const script = '"$@" >/dev/null; status=$?; times; exit $status';
  const started = performance.now();
  const child = spawn('bash', ['-c', script, 'bash', process.execPath, ...command], {
    cwd: root,
    env: environment(variant),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  if (code !== 0 && code !== 1) throw new Error(`tandem ${argv.join(' ')} exited with ${code}: ${stderr}`);
  // `times` prints the shell's own times, then its children's: "0m0.212s 0m0.031s".
  const children = stdout.trim().split('\n').at(-1)?.split(' ') ?? [];
  const cpuMs = timesMs(children[0] ?? '') + timesMs(children[1] ?? '');
  return { wallMs, cpuMs: Number.isNaN(cpuMs) ? undefined : cpuMs };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Starts `tandem serve` on port 0 and times spawn to the first 200 from /api/health. */
async function serveToHealth(variant: Variant, dataDir: string): Promise<Sample> {
  const command =
    variant === 'floor'
      ? [
          '-e',
          'require("http").createServer((q,s)=>s.end("ok")).listen(0,"127.0.0.1",function(){console.error("on http://127.0.0.1:"+this.address().port)})',
        ]
      : ['bin/tandem.js', 'serve', '--port', '0', '--host', '127.0.0.1'];
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: environment(variant, { TANDEM_DATA_DIR: dataDir }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    const response = await fetch(`${url}/api/health`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`health answered ${response.status}`);
    const wallMs = performance.now() - started;
    return { wallMs, cpuMs: cpuOf(child.pid) };
  } finally {
    await stop(child);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function line(name: string, variant: Variant, samples: Sample[], floor: Sample[], targetMs: number) {
  const wall = samples.map((s) => s.wallMs);
  const cpu = samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
  const floorMedian = median(floor.map((s) => s.wallMs));
  const parts = [
    `${name.padEnd(16)} ${variant.padEnd(6)}`,
    `median ${median(wall).toFixed(0).padStart(5)} ms`,
    `min ${Math.min(...wall)
      .toFixed(0)
      .padStart(5)} ms`,
    cpu.length ? `cpu ${median(cpu).toFixed(0).padStart(5)} ms` : 'cpu     -   ',
    `x floor ${(median(wall) / floorMedian).toFixed(1).padStart(5)}`,
    variant === 'floor' ? '' : `target < ${targetMs} ms: ${median(wall) < targetMs ? 'met' : 'missed'}`,
  ];
  console.log(parts.join('  '));
}

if (!args.includes('--source-only') && isCliBuildStale()) {
  console.log('building dist/ (npm run build) ...');
  await buildCli({ quiet: true });
}
const variants: Variant[] = args.includes('--source-only')
  ? ['floor', 'source']
  : args.includes('--dist-only')
    ? ['floor', 'dist']
    : ['floor', 'dist', 'source'];
const before = loadavg();
console.log(
  `node ${process.version}, ${RUNS} runs each, alternating; load average ${before.map((l) => l.toFixed(2)).join(' ')}`,
);

const folder = mkdtempSync(path.join(tmpdir(), 'tandem-startup-'));
try {
  const cases: { name: string; targetMs: number; run: (variant: Variant) => Promise<Sample> }[] = [
    { name: '--version', targetMs: 300, run: (v) => runToExit(v, ['--version']) },
    {
      name: 'score (example)',
      targetMs: 300,
      run: (v) => runToExit(v, ['score', 'examples/acme-2026-q4.yaml']),
    },
    {
      name: 'serve to health',
      targetMs: 2000,
      run: (v) => serveToHealth(v, path.join(folder, v)),
    },
  ];
  for (const bench of cases) {
    // A warm-up of each (for serve: creates and migrates its database), not counted.
    for (const variant of variants) await bench.run(variant);
    const samples = new Map<Variant, Sample[]>(variants.map((v) => [v, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const variant of variants) samples.get(variant)!.push(await bench.run(variant));
    }
    for (const variant of variants)
      line(bench.name, variant, samples.get(variant)!, samples.get('floor')!, bench.targetMs);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const after = loadavg();
console.log(`load average at the end ${after.map((l) => l.toFixed(2)).join(' ')}`);
