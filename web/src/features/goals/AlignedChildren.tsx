import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatusBadge } from '../../components/StatusBadge';
import { formatScore } from '../../lib/format';
import { alignmentChildrenQuery } from '../alignment/alignment.queries';

/** The objectives and SMART goals aligned below a goal (its KRs are listed apart), and the hidden ones counted. */
export function AlignedChildren(props: { cycleId: string; goalId: string }) {
  const query = useQuery(alignmentChildrenQuery(props.cycleId, props.goalId));
  const nodes = query.data?.nodes.filter((n) => n.type !== 'key_result') ?? [];
  const hidden = query.data?.hidden.reduce((n, h) => n + (h.parentId === props.goalId ? h.count : 0), 0) ?? 0;
  return (
    <section aria-labelledby="aligned-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="aligned-heading" className="mb-3 font-semibold">
        Aligned below{' '}
        {query.isSuccess ? (
          <span className="text-sm font-normal text-slate-600">({nodes.length})</span>
        ) : null}
      </h2>
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && nodes.length === 0 && hidden === 0 ? (
        <p className="text-sm text-slate-600">Nothing is aligned to this yet.</p>
      ) : null}
      <ul className="flex flex-col gap-2 text-sm">
        {nodes.map((n) => (
          <li key={n.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {n.type === 'objective' ? (
              <Link
                to="/objectives/$objectiveId"
                params={{ objectiveId: n.id }}
                className="min-w-0 flex-1 basis-48 hover:underline"
              >
                {n.title}
              </Link>
            ) : (
              <Link
                to="/smart-goals/$smartGoalId"
                params={{ smartGoalId: n.id }}
                className="min-w-0 flex-1 basis-48 hover:underline"
              >
                {n.title}
              </Link>
            )}
            <span className="flex items-center gap-2 whitespace-nowrap">
              <span className="text-xs text-slate-600">
                {n.type === 'objective' ? 'Objective' : 'SMART goal'}
              </span>
              <StatusBadge status={n.status} />
              <span className="w-10 text-right tabular-nums">{formatScore(n.score)}</span>
            </span>
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          {hidden} private {hidden === 1 ? 'goal' : 'goals'} you may not see
        </p>
      ) : null}
    </section>
  );
}
