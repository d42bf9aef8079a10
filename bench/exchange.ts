// `npm run bench:exchange [-- --rows N] [--size large|medium] [--skip-org]`: imports the 10,000-row
// spreadsheet of the tests (server/test/spreadsheets/large-csv.ts) into a fresh SQLite workspace,
// re-imports it (nothing changes), exports the result in every format; then generates the large
// organisation (SPEC 11) and exports its active cycle (3,000 objectives, 10,000 KRs, 20,000 SMART
// goals with their weekly check-ins) to YAML and XLSX. Prints each time, the memory and the load.
// SPEC 11: import of a 10,000-row spreadsheet and export of the organisation, < 3 s each.
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
const size = (body: string | Uint8Array) => `${(body.length / 1e6).toFixed(1)} MB`;

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
  let started = performance.now();
  const imported = await s.imports.goalsFiles(admin, {
    files: [{ name: 'bench.csv', text: csv }],
    createMissing: true,
  });
  if (!imported.isApplied) throw new Error(JSON.stringify(imported.problems.slice(0, 5)));
  console.log(
    `import:    ${seconds(started)} s  (${imported.summary.create} created, ${imported.summary.checkIns} check-ins)   target < 3 s`,
  );
  started = performance.now();
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

if (!process.argv.includes('--skip-org'))
  await withScratchSqliteFile('tandem-bench-exchange-org', async (file) => {
    const db = openDatabase(file);
    await migrateToLatest(db);
    let started = performance.now();
    const org = await generateOrganisation(db, { size: ORG_SIZES[SIZE], at: Date.UTC(2026, 10, 20) });
    console.log(`${SIZE} organisation generated in ${seconds(started)} s: ${JSON.stringify(org.counts)}`);
    const s = createServices(serviceDeps(db, { now: () => Date.UTC(2026, 10, 20) }));
    const admin = actorFor(org.workspaceId, org.adminId);
    for (const format of ['yaml', 'xlsx', 'csv', 'md'] as const) {
      started = performance.now();
      const out = await s.exports.cycle(admin, { cycle: org.activeCycleId, format });
      console.log(
        `export ${format.padEnd(4)} ${seconds(started)} s  (${size(out.body)}; ${out.counts.objectives} objectives, ${out.counts.keyResults} KRs, ${out.counts.smartGoals} SMART goals)   target < 3 s`,
      );
    }
    console.log(`memory: ${Math.round(process.memoryUsage().rss / 1e6)} MB rss; load average ${load()}`);
    await db.close();
  });
