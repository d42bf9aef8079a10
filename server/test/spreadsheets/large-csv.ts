// The 10,000-row spreadsheet of issue 14, made on demand rather than committed (0.8 MB):
// `npx tsx server/test/spreadsheets/large-csv.ts [ROWS] > large.csv` writes it; the test of large
// imports and `npm run bench:exchange` call `largeCsv`.
import { toCsv } from '../../../core/exchange/csv';

/** How the large spreadsheet is made: objectives of four KRs each, written once above their KRs. */
export const LARGE_CSV = { rows: 10_000, krsPerObjective: 4, people: 50, teams: 20 } as const;

/** The owners the large spreadsheet names (people to create before importing it). */
export const largeCsvPeople = (count: number = LARGE_CSV.people): string[] =>
  Array.from({ length: count }, (_, i) => `person${i}@bench.test`);

/**
 * A CSV of `rows` key results as people keep them: an objective written once with its KRs on the
 * rows below it (blank cells meaning "same as above"), a team per objective, start, target and
 * current values. Row `r` (0-based) is the KR "Increase measure r from r%50 to r%50+40", current
 * `r%50 + (r%7)*3`, owned by `person(r%50)`.
 */
export function largeCsv(rows: number = LARGE_CSV.rows): string {
  const people = largeCsvPeople();
  const out: (string | number)[][] = [
    ['Objective', 'Key Result', 'Owner', 'Team', 'Start', 'Target', 'Current', 'Unit'],
  ];
  for (let r = 0; r < rows; r++) {
    const o = Math.floor(r / LARGE_CSV.krsPerObjective);
    const isFirst = r % LARGE_CSV.krsPerObjective === 0;
    out.push([
      isFirst ? `Objective number ${o} makes customers happier` : '',
      `Increase measure ${r} from ${r % 50} to ${(r % 50) + 40}`,
      people[r % people.length]!,
      isFirst ? `Team ${(o % LARGE_CSV.teams) + 1}` : '',
      r % 50,
      (r % 50) + 40,
      (r % 50) + (r % 7) * 3,
      'pts',
    ]);
  }
  return toCsv(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(largeCsv(process.argv[2] ? Number(process.argv[2]) : undefined));
}
