import { useId } from 'react';
import { type Band, BandPatterns, svgId } from './BandPatterns';

export interface GradeBar {
  id: string;
  label: string;
  grade: number | null;
  band: Band | null;
}

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Each objective's grade as a bar from 0 to 1, filled by band, the grade written at the end of the
 * bar in black, with guides at 0.7 (aspirational success) and 1.0. The grades are also listed in
 * the page's text, so the chart is hidden from screen readers beyond its summary.
 */
export function GradeBarsChart({
  bars,
  title,
  width = 640,
}: {
  bars: readonly GradeBar[];
  title: string;
  /** The drawing's width: 640 puts each title left of its bar; a narrow one (phones) above it. */
  width?: number;
}) {
  const id = useId();
  const WIDTH = width;
  const isNarrow = width < 500;
  const LEFT = isNarrow ? 14 : 250;
  const BAR = WIDTH - LEFT - 44;
  const ROW = isNarrow ? 40 : 24;
  const top = isNarrow ? 16 : 0;
  const height = bars.length * ROW + 26 + top;
  const x = (grade: number) => LEFT + Math.max(0, Math.min(1, grade)) * BAR;
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.grade === null ? 'no grade' : b.grade.toFixed(1)}`).join('; ')}.`;
  return (
    <figure className="print-exact">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full"
        style={{ maxWidth: `${WIDTH * 1.1}px` }}
        role="img"
        aria-label={summary}
        fontFamily="inherit"
      >
        <BandPatterns id={id} />
        {[0, 0.7, 1].map((g) => (
          <g key={g}>
            <line
              x1={x(g)}
              x2={x(g)}
              y1="14"
              y2={height}
              stroke="#64748b"
              strokeDasharray={g === 0 ? '' : '3 3'}
            />
            <text x={x(g)} y="10" fontSize="11" fill="#334155" textAnchor="middle">
              {g.toFixed(1)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = 18 + i * ROW + top;
          return (
            <g key={b.id}>
              <text x="0" y={isNarrow ? y - 4 : y + 13} fontSize="12" fill="#111827">
                {short(b.label, isNarrow ? 52 : 36)}
              </text>
              {b.grade !== null && b.band ? (
                <rect
                  x={LEFT}
                  y={y}
                  width={Math.max(1, x(b.grade) - LEFT)}
                  height="16"
                  fill={`url(#${svgId(id, b.band)})`}
                  stroke="#111827"
                  strokeWidth="0.5"
                />
              ) : null}
              <text x={(b.grade === null ? LEFT : x(b.grade)) + 4} y={y + 13} fontSize="12" fill="#111827">
                {b.grade === null ? 'no grade' : b.grade.toFixed(1)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
