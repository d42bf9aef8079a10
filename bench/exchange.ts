// `npm run bench:exchange [-- --rows N] [--size large|medium] [--skip-org]`: imports the 10,000-row
// spreadsheet of the tests (server/test/spreadsheets/large-csv.ts) into a fresh SQLite workspace,
// re-imports it (nothing changes), exports the result in every format; then generates the large
// organisation (SPEC 11) and exports its active cycle (3,000 objectives, 10,000 KRs, 20,000 SMART
// goals with their weekly check-ins) to YAML and XLSX. Prints each time, the memory and the load.
// SPEC 11: import of a 10,000-row spreadsheet and export of the organisation, < 3 s each.
// On a loaded machine wall times mislead: each step also prints its CPU time (this process,
// every thread) and its ratio to a floor measured in the same run (JSON of the exported
// organisation's rows, a fixed amount of work), so runs at different loads compare.
// `--org-file PATH` keeps the generated organisation in PATH and reuses it on the next run.
import { loadavg } from 'node:os';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { createServices, serviceDeps } from '../server/services/index';
import { actorFor } from '../server/test/scenario';
import { largeCsv, largeCsvPeople } from '../server/test/spreadsheets/large-csv';
import { withScratchSqliteFile } from './scratch-databases';

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(option('--rows') ?? 10_000);
const SIZE = (option('--size') ?? 'large') as keyof typeof ORG_SIZES;
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const size = (body: { length: number }) => `${(body.length / 1e6).toFixed(1)} MB`;
/** Reads an export's document piece by piece, as the HTTP route and `tandem export` write it. */
const drained = (file: { chunks(): Iterable<string | Uint8Array> }) => {
  let length = 0;
  for (const piece of file.chunks()) length += piece.length;
  return { length };
};
/** Runs `fn`, returning its result with its wall and CPU seconds. */
async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await fn();
  const cpu = process.cpuUsage(cpu0);
  return { result, wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}
/** The floor: a fixed CPU-bound task (100 MB of JSON written and read back), its wall seconds. */
function floor(): number {
  const rows = Array.from({ length: 200_000 }, (_, i) => ({
    key: `goal-${i}`,
    value: i * 1.5,
    note: 'x'.repeat(40),
  }));
  const started = performance.now();
  for (let i = 0; i < 5; i++) JSON.parse(JSON.stringify(rows));
  return (performance.now() - started) / 1000;
}

console.log(`load average at start: ${load()}`);
await withScratchSqliteFile('tandem-bench-exchange', async (file) => {
  const db = openDatabase(file);
  await migrateToLatest(db);
  const s = createServices(serviceDeps(db, { now: () => Date.UTC(2026, 10, 20) }));
  const { workspace, adminId } = await s.workspaces.create({
    name: 'Bench',
    admin: { email: 'admin@bench.test', name: 'Admin' },
  });
  const admin = actorFor(workspace.id, adminId);
  await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
  for (const email of largeCsvPeople())
    await s.people.add(admin, { email, name: email.split('@')[0]!, role: 'member' });
  const csv = largeCsv(ROWS);
  console.log(`CSV: ${ROWS} rows, ${size(csv)}`);
  const importFloor = floor();
  console.log(`floor (fixed JSON work): ${importFloor.toFixed(2)} s wall; load average ${load()}`);
  const {
    result: imported,
    wall,
    cpu,
  } = await timed(() =>
    s.imports.goalsFiles(admin, { files: [{ name: 'bench.csv', text: csv }], createMissing: true }),
  );
  if (!imported.isApplied) throw new Error(JSON.stringify(imported.problems.slice(0, 5)));
  console.log(
    `import:    ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ${(wall / importFloor).toFixed(1)}x floor  (${imported.summary.create} created, ${imported.summary.checkIns} check-ins)   target < 3 s; load ${load()}`,
  );
  let started = performance.now();
  const again = await s.imports.goalsFiles(admin, { files: [{ name: 'bench.csv', text: csv }] });
  console.log(
    `re-import: ${seconds(started)} s  (${again.summary.unchanged} unchanged, ${again.summary.update} updated)`,
  );
  for (const format of ['yaml', 'csv', 'xlsx', 'md'] as const) {
    started = performance.now();
    const out = await s.exports.cycle(admin, { cycle: '2026-Q4', format });
    console.log(`export ${format.padEnd(4)} ${seconds(started)} s  (${size(out.body)}) of the import`);
  }
  console.log(`memory: ${Math.round(process.memoryUsage().rss / 1e6)} MB rss; load average ${load()}`);
  await db.close();
});

const ORG_FILE = option('--org-file');
if (!process.argv.includes('--skip-org')) {
  const run = async (file: string) => {
    const db = openDatabase(file);
    await migrateToLatest(db);
    const existing = await db.kysely.selectFrom('workspaces').select('id').executeTakeFirst();
    let workspaceId: string;
    let adminId: string;
    let activeCycleId: string;
    if (existing) {
      workspaceId = existing.id;
      const admin = await db.kysely
        .selectFrom('people')
        .select('id')
        .where('workspaceId', '=', workspaceId)
        .where('role', '=', 'admin')
        .orderBy('createdAt')
        .executeTakeFirstOrThrow();
      adminId = admin.id;
      const cycle = await db.kysely
        .selectFrom('cycles')
        .select('id')
        .where('workspaceId', '=', workspaceId)
        .where('state', '=', 'active')
        .executeTakeFirstOrThrow();
      activeCycleId = cycle.id;
      console.log(`${SIZE} organisation reused from ${file}`);
    } else {
      const started = performance.now();
      const org = await generateOrganisation(db, { size: ORG_SIZES[SIZE], at: Date.UTC(2026, 10, 20) });
      console.log(`${SIZE} organisation generated in ${seconds(started)} s: ${JSON.stringify(org.counts)}`);
      ({ workspaceId, adminId, activeCycleId } = org);
    }
    const s = createServices(serviceDeps(db, { now: () => Date.UTC(2026, 10, 20) }));
    const admin = actorFor(workspaceId, adminId);
    const base = floor();
    console.log(`floor (fixed JSON work): ${base.toFixed(2)} s wall; load average ${load()}`);
    for (const format of ['yaml', 'xlsx', 'csv', 'md'] as const) {
      const {
        result: out,
        wall,
        cpu,
      } = await timed(async () => {
        const file = await s.exports.cycle(admin, { cycle: activeCycleId, format });
        return { ...drained(file), counts: file.counts };
      });
      console.log(
        `export ${format.padEnd(4)} ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ${(wall / base).toFixed(1)}x floor  (${size(out)}; ${out.counts.objectives} objectives, ${out.counts.keyResults} KRs, ${out.counts.smartGoals} SMART goals)   target < 3 s; load ${load()}`,
      );
    }
    for (const format of ['yaml', 'xlsx'] as const) {
      const {
        result: out,
        wall,
        cpu,
      } = await timed(async () => {
        const file = await s.exports.workspace(admin, { format });
        return { ...drained(file), counts: file.counts };
      });
      console.log(
        `export of every cycle, ${format.padEnd(4)} ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ${(wall / base).toFixed(1)}x floor  (${size(out)}; ${out.counts.objectives} objectives)`,
      );
    }
    console.log(`floor again: ${floor().toFixed(2)} s wall`);
    console.log(`memory: ${Math.round(process.memoryUsage().rss / 1e6)} MB rss; load average ${load()}`);
    await db.close();
  };
  if (ORG_FILE) await run(ORG_FILE);
  else await withScratchSqliteFile('tandem-bench-exchange-org', run);
}
