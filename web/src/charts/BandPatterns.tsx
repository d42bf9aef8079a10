import { BAND_COLOURS, type Band } from '../../../core/report/document';

export type { Band };

/** The bands in the order the charts draw them. */
export const BANDS: readonly Band[] = ['green', 'yellow', 'red'];

/** An SVG id from React's `useId` (its characters are not all valid in `url(#…)`). */
export const svgId = (id: string, band: Band) => `${id.replace(/[^a-zA-Z0-9_-]/g, '')}-${band}`;

/**
 * The fills of the bands: colour, and a texture besides, so that a chart printed in black and
 * white still tells green (solid), yellow (diagonal lines) and red (crossed lines) apart.
 */
export function BandPatterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={svgId(id, 'green')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={BAND_COLOURS.green} />
      </pattern>
      <pattern
        id={svgId(id, 'yellow')}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill={BAND_COLOURS.yellow} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
      </pattern>
      <pattern id={svgId(id, 'red')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={BAND_COLOURS.red} />
        <path d="M0 0L6 6M6 0L0 6" stroke="#fff" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

/** A small swatch of a band's fill, for legends. */
export function BandSwatch({ band }: { band: Band }) {
  const style = {
    green: { background: BAND_COLOURS.green },
    yellow: {
      background: `repeating-linear-gradient(45deg, ${BAND_COLOURS.yellow} 0 3px, #fff 3px 5px)`,
    },
    red: {
      background: `repeating-linear-gradient(45deg, ${BAND_COLOURS.red} 0 3px, #fff 3px 4px), ${BAND_COLOURS.red}`,
    },
  }[band];
  return (
    <span
      aria-hidden="true"
      className="print-exact inline-block size-3 rounded-sm border border-slate-500"
      style={style}
    />
  );
}
