// Prints the closing line CI reads, `N passed, N failed, N skipped`, summed over Vitest's and
// Playwright's JSON reports. A report file that is missing counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`no test report at ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats && report.config) {
    // Playwright: expected = passed, unexpected = failed, flaky passed on a retry.
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += (report.stats.unexpected ?? 0) + (report.errors?.length ?? 0);
    skipped += report.stats.skipped ?? 0;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.success === false && failed === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
