/** What a benchmark reports. */
export interface BenchResult {
  name: string;
  medianMs: number;
  bestMs: number;
  /** The target of SPEC section 11, if any. */
  targetMs?: number;
  detail?: string;
}

/** A small, fast, seeded PRNG (mulberry32), so generated data is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Times `fn` after warm-up runs: the median and best of `runs` timed runs. */
export function timeIt(
  fn: () => void,
  { warmup = 3, runs = 9 } = {},
): { medianMs: number; bestMs: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, bestMs: times[0]!, runs };
}

/** Prints a result line: name, median, best, target and whether it is met. */
export function printResult(result: BenchResult): boolean {
  const met = result.targetMs === undefined || result.medianMs < result.targetMs;
  const target =
    result.targetMs === undefined ? '' : ` (target < ${result.targetMs} ms: ${met ? 'met' : 'MISSED'})`;
  console.log(
    `${result.name}: median ${result.medianMs.toFixed(1)} ms, best ${result.bestMs.toFixed(1)} ms${target}`,
  );
  if (result.detail) console.log(`  ${result.detail}`);
  return met;
}
