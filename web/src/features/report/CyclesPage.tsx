import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { cyclesQuery } from '../dashboard/dashboard.queries';

const STATE = { planning: 'planning', active: 'active', closed: 'closed' };

/** Every cycle, newest first: a closed one opens its report, an open one its close-out. */
export function CyclesPage() {
  const cycles = useQuery(cyclesQuery);
  const list = [...(cycles.data ?? [])].sort(
    (a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name),
  );
  return (
    <Page title="Cycles and reports">
      {cycles.isError ? <ErrorNotice error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}
      {cycles.data && list.length === 0 ? <p className="text-sm">No cycle yet.</p> : null}
      <p className="mb-3 text-sm text-slate-700">
        A closed cycle has a report: grades, distributions, calibration, root causes, decisions and lessons.
        Calibration over several cycles is on the{' '}
        <Link to="/calibration" className="text-brand-700 underline">
          calibration
        </Link>{' '}
        page.
      </p>
      <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {list.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
            <span className="min-w-0 flex-1 basis-40 font-medium">{c.name}</span>
            <span className="text-slate-700">
              {c.startDate} to {c.endDate} · {STATE[c.state]}
              {c.closedAt ? ` on ${formatDate(c.closedAt)}` : ''}
            </span>
            {c.state === 'closed' ? (
              <Link
                to="/cycles/$cycleId/report"
                params={{ cycleId: c.id }}
                className="font-medium text-brand-700 underline"
              >
                Report of {c.name}
              </Link>
            ) : (
              <Link to="/close-out" search={{ cycle: c.id }} className="text-brand-700 underline">
                Close-out of {c.name}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
