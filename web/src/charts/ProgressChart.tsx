import { useState } from 'react';
import { expectedProgress, type PlanPoint } from '../../../core/expected';
import type { Window } from '../../../core/time';
import { formatDate, formatScore } from '../lib/format';

export interface ProgressPoint {
  at: number;
  progress: number;
}

const W = 640;
const H = 240;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

/**
 * Progress over a cycle as SVG: actual (solid, from the check-ins), expected (dashed grey, from
 * core/expected with the plan when there is one) and forecast (dashed, to the end). The figure
 * has a title and description, and a table of the same numbers is one click away.
 */
export function ProgressChart(props: {
  title: string;
  window: Window;
  level: number;
  plan?: readonly PlanPoint[];
  points: readonly ProgressPoint[];
  forecast: number | null;
  now: number;
}) {
  const [isTable, setTable] = useState(false);
  const { window, level, points } = props;
  const top = Math.max(1, level, ...points.map((p) => p.progress), props.forecast ?? 0);
  const x = (t: number) =>
    PAD.left + ((t - window.start) / (window.end - window.start)) * (W - PAD.left - PAD.right);
  const y = (p: number) => H - PAD.bottom - (Math.max(0, p) / top) * (H - PAD.top - PAD.bottom);
  const expectedAt = [window.start, ...(props.plan ?? []).map((p) => p.at), window.end]
    .filter((t) => t >= window.start && t <= window.end)
    .sort((a, b) => a - b);
  const expectedPath = expectedAt
    .map(
      (t, i) =>
        `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(expectedProgress(t, window, level, props.plan)).toFixed(1)}`,
    )
    .join(' ');
  // Progress is 0 when the cycle starts, so the actual line starts there.
  const drawn =
    points.length > 0 && points[0]!.at > window.start
      ? [{ at: window.start, progress: 0 }, ...points]
      : points;
  const actualPath = drawn
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.progress).toFixed(1)}`)
    .join(' ');
  const last = points.at(-1);
  const now = Math.min(Math.max(props.now, window.start), window.end);
  const desc = `Expected ${formatScore(expectedProgress(now, window, level, props.plan))} by today; actual ${
    last ? formatScore(last.progress) : 'no check-in yet'
  }${props.forecast !== null ? `; forecast ${formatScore(props.forecast)} at the end` : ''}.`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].filter((t) => t <= top);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <span className="font-semibold">Progress</span>
        <span className="flex flex-wrap gap-3 text-xs text-slate-700" aria-hidden="true">
          <span>
            <span className="mr-1 inline-block h-0.5 w-4 bg-brand-600 align-middle" />
            actual
          </span>
          <span>
            <span className="mr-1 inline-block w-4 border-t-2 border-dashed border-slate-400 align-middle" />
            expected
          </span>
          <span>
            <span className="mr-1 inline-block w-4 border-t-2 border-dotted border-brand-600 align-middle" />
            forecast
          </span>
        </span>
        <button type="button" className="text-xs text-brand-700 underline" onClick={() => setTable(!isTable)}>
          {isTable ? 'Show as chart' : 'Show as table'}
        </button>
      </figcaption>
      {isTable ? (
        <table className="w-full text-sm">
          <caption className="sr-only">{props.title}: progress by check-in</caption>
          <thead>
            <tr className="text-left text-xs text-slate-700">
              <th scope="col">Date</th>
              <th scope="col" className="text-right">
                Actual
              </th>
              <th scope="col" className="text-right">
                Expected
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at} className="border-t border-slate-100">
                <td>{formatDate(p.at)}</td>
                <td className="text-right tabular-nums">{formatScore(p.progress)}</td>
                <td className="text-right tabular-nums">
                  {formatScore(expectedProgress(p.at, window, level, props.plan))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby="chart-title chart-desc"
          className="h-auto w-full"
        >
          <title id="chart-title">{props.title}: progress over the cycle</title>
          <desc id="chart-desc">{desc}</desc>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
              <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#475569">
                {Math.round(t * 100)}%
              </text>
            </g>
          ))}
          <text x={PAD.left} y={H - 8} fontSize="11" fill="#475569">
            {formatDate(window.start)}
          </text>
          <text x={W - PAD.right} y={H - 8} fontSize="11" fill="#475569" textAnchor="end">
            {formatDate(window.end - 1)}
          </text>
          <line
            x1={x(now)}
            x2={x(now)}
            y1={PAD.top}
            y2={H - PAD.bottom}
            stroke="#94a3b8"
            strokeDasharray="2 3"
          />
          <path d={expectedPath} fill="none" stroke="#94a3b8" strokeWidth="2" strokeDasharray="6 4" />
          {actualPath ? <path d={actualPath} fill="none" stroke="#3b4cca" strokeWidth="2.5" /> : null}
          {points.map((p) => (
            <circle key={p.at} cx={x(p.at)} cy={y(p.progress)} r="3" fill="#3b4cca" />
          ))}
          {last && props.forecast !== null ? (
            <path
              d={`M${x(last.at).toFixed(1)},${y(last.progress).toFixed(1)} L${x(window.end).toFixed(1)},${y(props.forecast).toFixed(1)}`}
              fill="none"
              stroke="#3b4cca"
              strokeWidth="2"
              strokeDasharray="2 4"
            />
          ) : null}
        </svg>
      )}
    </figure>
  );
}
