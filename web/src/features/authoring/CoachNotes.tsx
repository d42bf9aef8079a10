import type { PlacedFinding } from './coach-run';

const TONE = {
  error: 'border-red-300 bg-red-50 text-red-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  info: 'border-sky-300 bg-sky-50 text-sky-950',
} as const;
const ICON = { error: '■', warning: '▲', info: 'ℹ' } as const;

/**
 * The coach's findings about one field, shown right under it: the severity in words, what is
 * wrong, the better example, and "use this wording" when the rule gives a rewrite.
 */
export function CoachNotes(props: {
  findings: readonly PlacedFinding[];
  onUseWording?: ((wording: string) => void) | undefined;
}) {
  if (props.findings.length === 0) return null;
  return (
    <ul className="mt-1 mb-3 flex flex-col gap-2" aria-label="Coach">
      {props.findings.map((f) => (
        <li key={`${f.rule}-${f.target}`} className={`rounded-md border p-2 text-sm ${TONE[f.severity]}`}>
          <p>
            <span aria-hidden="true">{ICON[f.severity]} </span>
            <span className="font-semibold capitalize">{f.severity}</span>{' '}
            <span className="text-xs opacity-80">({f.rule})</span>: {f.message}
          </p>
          <p className="mt-1 text-xs">Better: {f.suggestion}</p>
          {f.wording && props.onUseWording ? (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
              <q className="font-medium">{f.wording}</q>
              <button
                type="button"
                className="rounded border border-current px-2 py-0.5 font-medium hover:bg-white/60"
                onClick={() => props.onUseWording!(f.wording!)}
              >
                Use this wording
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The findings of one goal (`target`) about one field. */
export function findingsFor(
  findings: readonly PlacedFinding[],
  target: string,
  field: PlacedFinding['field'],
) {
  return findings.filter((f) => f.target === target && f.field === field);
}
