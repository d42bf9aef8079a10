/** Latency figures of a benchmark, in milliseconds. */
export interface Latency {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Operations per second, for throughput benchmarks. */
  perSecond?: number;
  target?: string;
}

/** Percentile of sorted values (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Summarises timings. */
export function summarise(name: string, times: number[], extra: Partial<Latency> = {}): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    runs: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    ...extra,
  };
}

/** Times an async operation `runs` times after `warmup` untimed runs; `i` is the run index. */
export async function timeAsync(
  name: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
  options: { warmup?: number; target?: string } = {},
): Promise<Latency> {
  for (let i = 0; i < (options.warmup ?? 3); i++) await fn(runs + i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return summarise(name, times, options.target ? { target: options.target } : {});
}

/** Runs `clients` concurrent loops of `perClient` operations; latency per operation and throughput. */
export async function timeConcurrent(
  name: string,
  clients: number,
  perClient: number,
  fn: (client: number, i: number) => Promise<unknown>,
  target?: string,
): Promise<Latency> {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i++) {
        const start = performance.now();
        await fn(client, i);
        times.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return summarise(name, times, { perSecond: times.length / seconds, ...(target ? { target } : {}) });
}

/** One line per result, as printed and pasted into docs/PERFORMANCE.md. */
export function formatRow(dialect: string, r: Latency): string {
  const rate = r.perSecond === undefined ? '' : ` | ${Math.round(r.perSecond)}/s`;
  return `| ${dialect} | ${r.name} | ${r.runs} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)}${rate || ' | '} | ${r.target ?? ''} |`;
}
