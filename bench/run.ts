// `npm run bench`: runs every benchmark in bench/ and prints one line each, with the SPEC target.
// Exit code 1 when a target is missed, so a CI job can watch for regressions.
import { runCoreBench } from './core.bench';
import { type BenchResult, printResult } from './harness';
import { runLintBench } from './lint.bench';

const benches: { name: string; run: () => Promise<BenchResult> }[] = [
  { name: 'core', run: runCoreBench },
  { name: 'lint', run: runLintBench },
];

const only = process.argv.slice(2);
let allMet = true;
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  allMet = printResult(await bench.run()) && allMet;
}
process.exitCode = allMet ? 0 : 1;
