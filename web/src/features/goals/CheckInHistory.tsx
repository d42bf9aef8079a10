import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { confidenceWord } from '../../lib/confidence';
import { formatDate, formatValue } from '../../lib/format';
import { checkInsQuery, type GoalType } from './goals.queries';

/** A goal's check-ins, newest first, with confidence and notes. */
export function CheckInHistory(props: { goalType: GoalType; goalId: string; unit?: string | undefined }) {
  const query = useQuery(checkInsQuery(props.goalType, props.goalId));
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="history-heading" className="mb-3 font-semibold">
        Check-ins
      </h2>
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.length === 0 ? <p className="text-sm text-slate-600">No check-in yet.</p> : null}
      <ol className="flex flex-col divide-y divide-slate-100 text-sm">
        {[...(query.data ?? [])].reverse().map((c) => (
          <li key={c.id} className="py-2">
            <div className="flex flex-wrap gap-x-3">
              <span className="font-medium tabular-nums">
                {c.done ? c.done.join(', ') || 'nothing done' : formatValue(c.value, props.unit)}
              </span>
              <span className="text-slate-600">{formatDate(c.at)}</span>
              {c.confidence !== null ? (
                <span className="text-slate-600">
                  confidence {c.confidence}/10 ({confidenceWord(c.confidence)})
                </span>
              ) : null}
            </div>
            {c.note ? <p className="mt-0.5 text-slate-800">{c.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
