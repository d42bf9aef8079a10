import { Link } from '@tanstack/react-router';
import { StatusBadge } from '../../components/StatusBadge';
import { STATUS_LABEL, STATUSES } from '../../lib/status';

const SHOWN = STATUSES.filter((s) => s !== 'missed' && s !== 'dropped');

/** Objectives by status, stale included; each count links to the filtered list. */
export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        Counts by status
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {SHOWN.map((status) => (
          <li key={status}>
            <Link
              to="/"
              search={(prev) => ({ ...prev, status })}
              className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3 hover:border-slate-400"
              aria-label={`${STATUS_LABEL[status]}: ${counts[status] ?? 0}`}
            >
              <span className="text-2xl font-semibold tabular-nums text-slate-900">
                {counts[status] ?? 0}
              </span>
              <StatusBadge status={status} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
