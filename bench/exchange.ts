// `npm run bench:exchange`: imports a 10,000-row CSV into a fresh SQLite workspace, re-imports it
// (nothing changes), and exports the result to YAML, CSV and Markdown, printing each time and the
// memory. SPEC 11: import of a 10,000-row spreadsheet and export of the organisation, < 3 s each.
// `-- --rows N` changes the size.
import { toCsv } from '../core/exchange/csv';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { createServices, serviceDeps } from '../server/services/index';
import { actorFor } from '../server/test/scenario';
import { withScratchSqliteFile } from './scratch-databases';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 10_000;
const KRS_PER_OBJECTIVE = 4;

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

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
  const people: string[] = [];
  for (let i = 0; i < 50; i++) {
    const email = `person${i}@bench.test`;
    await s.people.add(admin, { email, name: `Person ${i}`, role: 'member' });
    people.push(email);
  }
  const teams = Array.from({ length: 20 }, (_, i) => `Team ${i + 1}`);
  const rows: (string | number)[][] = [
    ['Objective', 'Key Result', 'Owner', 'Team', 'Start', 'Target', 'Current', 'Unit'],
  ];
  for (let r = 0; r < ROWS; r++) {
    const o = Math.floor(r / KRS_PER_OBJECTIVE);
    const first = r % KRS_PER_OBJECTIVE === 0;
    rows.push([
      first ? `Objective number ${o} makes customers happier` : '',
      `Increase measure ${r} from ${r % 50} to ${(r % 50) + 40}`,
      people[r % people.length]!,
      first ? teams[o % teams.length]! : '',
      r % 50,
      (r % 50) + 40,
      (r % 50) + (r % 7) * 3,
      'pts',
    ]);
  }
  const csv = toCsv(rows);
  console.log(`CSV: ${ROWS} rows, ${(csv.length / 1e6).toFixed(1)} MB`);
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
  for (const format of ['yaml', 'csv', 'md'] as const) {
    started = performance.now();
    const out = await s.exports.cycle(admin, { cycle: '2026-Q4', format });
    console.log(
      `export ${format.padEnd(4)} ${seconds(started)} s  (${(out.body.length / 1e6).toFixed(1)} MB)   target < 3 s`,
    );
  }
  console.log(`memory: ${Math.round(process.memoryUsage().rss / 1e6)} MB rss`);
  await db.close();
});
