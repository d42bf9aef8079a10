// `npm run bench:backup [-- --size large|medium] [--seconds N]`: generates the large organisation
// (SPEC 11) in a SQLite file, starts `tandem serve` on it in its own process, drives check-ins at
// 32 concurrent clients over HTTP, and, part-way through, runs `tandem backup` in a third process.
// Prints the check-in rate before, during and after the backup, the backup's time and size, and
// the load average (the machine may be shared). Figures go in docs/PERFORMANCE.md.
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { TokenService } from '../server/auth/token.service';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { serviceDeps } from '../server/services/index';
import { withScratchSqliteFile } from './scratch-databases';
import { checkInRequest, startServer } from './serve';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizeName = (option('--size') ?? 'large') as keyof typeof ORG_SIZES;
const seconds = Number(option('--seconds') ?? 20);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `tandem backup` in its own process, as an operator would; answers its report and wall time. */
function runBackup(
  database: string,
  output: string,
): Promise<{
  wallMs: number;
  startedAt: number;
  endedAt: number;
  report: { totalMs: number; snapshotMs: number; rows: number };
}> {
  const startedAt = Date.now();
  const child = spawn(
    process.execPath,
    ['bin/tandem.js', 'backup', '--database', database, '--output', output, '--json'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let text = '';
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const endedAt = Date.now();
      if (code !== 0) reject(new Error(`tandem backup exited with ${code}`));
      else resolve({ wallMs: endedAt - startedAt, startedAt, endedAt, report: JSON.parse(text) });
    });
  });
}

await withScratchSqliteFile('tandem-backup-bench', async (file) => {
  const db = openDatabase(file);
  await migrateToLatest(db);
  const started = performance.now();
  const org = await generateOrganisation(db, { size: ORG_SIZES[sizeName], at: Date.now() });
  console.log(
    `generated ${JSON.stringify(org.counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const tokens = new TokenService(serviceDeps(db));
  const cycle = org.activeCycleId;
  const teams = org.unitIds.slice(1 + Math.round(Math.sqrt(ORG_SIZES[sizeName].units) * 0.6));
  const writers: { token: string; kr: string }[] = [];
  for (const unit of teams.slice(0, 256)) {
    const lead = org.peopleByUnit.get(unit)![0]!;
    const { token } = await tokens.create(
      { workspaceId: org.workspaceId, personId: lead, actorType: 'person', source: 'api' },
      { name: 'bench' },
    );
    writers.push({ token, kr: `${cycle}-o${org.unitIds.indexOf(unit)}-k0` });
  }
  await db.close();
  const size = statSync(file).size;

  const { child, url } = await startServer(file);
  try {
    const times: number[] = [];
    let errors = 0;
    const instance = autocannon({
      url,
      connections: 32,
      duration: seconds,
      requests: [checkInRequest(writers)],
    }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
    void instance.on('response', ((_client: unknown, status: number) => {
      times.push(Date.now());
      if (status >= 400) errors++;
    }) as never);
    const loadStart = Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.min(5000, (seconds * 1000) / 4)));
    const load = loadavg();
    const backup = await runBackup(file, `${file}.tandem-backup.gz`);
    await instance;
    const loadEnd = times.at(-1) ?? Date.now();
    const rate = (from: number, to: number) =>
      Math.round(times.filter((t) => t >= from && t < to).length / Math.max(0.001, (to - from) / 1000));
    const backupSize = statSync(`${file}.tandem-backup.gz`).size;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `\nnode ${process.version}, ${cpus().length} cores, load average ${load.map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) when the backup started`,
    );
    console.log(
      `database ${mb(size)} MB, ${backup.report.rows} rows; backup file ${mb(backupSize)} MB; check-in errors: ${errors}\n`,
    );
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(
      `| check-ins/s before the backup (32 clients) | ${rate(loadStart + 1000, backup.startedAt)} |`,
    );
    console.log(`| check-ins/s during the backup | ${rate(backup.startedAt, backup.endedAt)} |`);
    console.log(
      `| check-ins/s after the backup | ${backup.endedAt < loadEnd - 1000 ? rate(backup.endedAt, loadEnd) : 'n/a (run longer)'} |`,
    );
    console.log(
      `| backup, wall time of \`tandem backup\` (with its start-up) | ${(backup.wallMs / 1000).toFixed(1)} s |`,
    );
    console.log(
      `| of which the online backup (snapshot copy) | ${(backup.report.snapshotMs / 1000).toFixed(1)} s |`,
    );
    console.log(
      `| of which the whole backup (snapshot and file) | ${(backup.report.totalMs / 1000).toFixed(1)} s |`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(`${file}.tandem-backup.gz`, { force: true });
  }
});
