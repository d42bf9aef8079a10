import { formatScore } from '../lib/format';

const W = 64;
const H = 20;

/** What a trend says in words: the text alternative of a sparkline. */
export function describeTrend(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return 'No score yet';
  const first = known[0]!;
  const last = known.at(-1)!;
  if (known.length === 1) return `Score ${formatScore(last)}`;
  const weeks = values.length;
  const move = last > first ? 'up' : last < first ? 'down' : 'flat';
  return `Score ${move}, ${formatScore(first)} to ${formatScore(last)} over ${weeks} weeks`;
}

/**
 * A score trend (one point per week, 0..1, null before the first check-in) as a tiny SVG line,
 * with its trend in words for screen readers and as a tooltip.
 */
export function Sparkline({ values }: { values: readonly (number | null)[] }) {
  const label = describeTrend(values);
  const n = values.length;
  const x = (i: number) => (n <= 1 ? W : (i / (n - 1)) * (W - 2) + 1);
  const y = (v: number) => H - 2 - Math.max(0, Math.min(1, v)) * (H - 4);
  let path = '';
  let isPenDown = false;
  values.forEach((v, i) => {
    if (v === null) {
      isPenDown = false;
      return;
    }
    path += `${isPenDown ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    isPenDown = true;
  });
  const lastIndex = values.findLastIndex((v) => v !== null);
  const last = lastIndex >= 0 ? values[lastIndex]! : null;
  return (
    <svg
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      className="shrink-0 overflow-visible text-brand-600"
    >
      <title>{label}</title>
      <line x1={0} x2={W} y1={H - 2} y2={H - 2} stroke="#e2e8f0" strokeWidth={1} />
      {path ? <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} /> : null}
      {last !== null ? <circle cx={x(lastIndex)} cy={y(last)} r={2} fill="currentColor" /> : null}
    </svg>
  );
}
