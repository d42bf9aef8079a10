// Sums a V8 .cpuprofile's self time by function and by file, over its last `--last S` seconds
// (the check-in window of `checkin-ab.ts --cpu-prof`), and prints the top of each.
//
//   npx tsx bench/http/profile-summary.ts FILE.cpuprofile [--last 10] [--top 40]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args[0]!;
const last = Number(option('--last') ?? 10) * 1e6;
const top = Number(option('--top') ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const times: number[] = [];
let t = 0;
for (const d of profile.timeDeltas) {
  t += d;
  times.push(t);
}
const end = times[times.length - 1]!;
const self = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  if (times[i]! < end - last) return;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url.includes('node_modules')
    ? url.replace(/^.*node_modules\//, 'nm/')
    : url.replace(/^.*\//, '');
  const fn = `${functionName || '(anon)'} ${where}:${lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const f = url.includes('node_modules')
    ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'nm/$1')
    : where || functionName;
  byFile.set(f, (byFile.get(f) ?? 0) + us);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
};
print('self time by function', byFunction);
print('self time by file', byFile);
