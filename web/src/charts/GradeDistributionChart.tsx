import { useId } from 'react';
import { BANDS, type Band, BandPatterns, BandSwatch, svgId } from './BandPatterns';

export interface DistributionRow {
  label: string;
  bands: Record<Band, number>;
}

const LEFT = 110;
const ROW = 46;

/** A distribution in words: "2 green, 1 yellow, 3 red (6 graded)", or "none graded". */
export function describeDistribution(bands: Record<Band, number>): string {
  const total = bands.green + bands.yellow + bands.red;
  if (total === 0) return 'none graded';
  return `${bands.green} green, ${bands.yellow} yellow, ${bands.red} red (${total} graded)`;
}

/**
 * Grades by band as stacked horizontal bars, one per kind of goal, with the counts written
 * under each bar in black (legible printed in black and white) and the whole in words as the
 * chart's accessible name. The page shows the same numbers as a table beside it.
 */
export function GradeDistributionChart({
  rows,
  title,
  width = 640,
}: {
  rows: readonly DistributionRow[];
  title: string;
  /** The drawing's width in its own units: 640, or about 360 for a phone (the text stays legible). */
  width?: number;
}) {
  const id = useId();
  const WIDTH = width;
  const BAR = WIDTH - LEFT - 10;
  const height = rows.length * ROW + 4;
  const summary = `${title}: ${rows.map((r) => `${r.label} ${describeDistribution(r.bands)}`).join('; ')}.`;
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
        {rows.map((row, i) => {
          const y = 4 + i * ROW;
          const total = row.bands.green + row.bands.yellow + row.bands.red;
          let x = LEFT;
          return (
            <g key={row.label}>
              <text x="0" y={y + 15} fontSize="13" fill="#111827">
                {row.label}
              </text>
              <rect x={LEFT} y={y} width={BAR} height="20" fill="none" stroke="#94a3b8" />
              {total === 0
                ? null
                : BANDS.map((band) => {
                    const w = (row.bands[band] / total) * BAR;
                    const at = x;
                    x += w;
                    return w > 0 ? (
                      <rect
                        key={band}
                        x={at}
                        y={y}
                        width={w}
                        height="20"
                        fill={`url(#${svgId(id, band)})`}
                        stroke="#111827"
                        strokeWidth="0.5"
                      />
                    ) : null;
                  })}
              <text x={LEFT} y={y + 36} fontSize="12" fill="#111827">
                {describeDistribution(row.bands)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700">
        {BANDS.map((band) => (
          <span key={band} className="inline-flex items-center gap-1">
            <BandSwatch band={band} />{' '}
            {band === 'green' ? 'green (solid)' : band === 'yellow' ? 'yellow (lines)' : 'red (crossed)'}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
