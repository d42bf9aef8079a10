import { Link } from '@tanstack/react-router';
import { Sparkline } from '../../charts/Sparkline';
import { StatusBadge } from '../../components/StatusBadge';
import { formatAgo, formatScore } from '../../lib/format';
import type { Objective, SmartGoal } from './dashboard.queries';

function Score({ value }: { value: number | null }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span className="h-1.5 w-16 overflow-hidden rounded bg-slate-200" aria-hidden="true">
        <span className="block h-full bg-brand-600" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </span>
      <span className="w-10 text-right tabular-nums">{formatScore(value)}</span>
    </span>
  );
}

/** Objectives with their key results, or SMART goals: score, status (colour and words), owner. */
export function ObjectiveList(props: {
  objectives?: (Objective & { trend?: (number | null)[] })[];
  smartGoals?: SmartGoal[];
  names: Map<string, string>;
}) {
  const owner = (id: string | null) => (id ? (props.names.get(id) ?? 'Unknown') : 'No owner');
  const objectives = props.objectives ?? [];
  const smartGoals = props.smartGoals ?? [];
  if (objectives.length === 0 && smartGoals.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">
        Nothing here yet.
      </p>
    );
  return (
    <ul className="flex flex-col gap-3">
      {objectives.map((o) => (
        <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link
              to="/objectives/$objectiveId"
              params={{ objectiveId: o.id }}
              className="min-w-0 flex-1 basis-60 font-medium text-slate-900 hover:underline"
            >
              {o.title}
            </Link>
            <StatusBadge status={o.evaluation.status} />
            {o.trend ? <Sparkline values={o.trend} /> : null}
            <Score value={o.evaluation.score} />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {owner(o.ownerId)} · last update {formatAgo(o.latestCheckinAt)}
          </p>
          {o.keyResults.length > 0 ? (
            <ul
              className="mt-2 flex flex-col gap-1 border-l-2 border-slate-100 pl-3"
              aria-label={`Key results of ${o.title}`}
            >
              {o.keyResults.map((kr) => (
                <li key={kr.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <Link
                    to="/key-results/$keyResultId"
                    params={{ keyResultId: kr.id }}
                    className="min-w-0 flex-1 basis-52 text-slate-800 hover:underline"
                  >
                    {kr.title}
                  </Link>
                  <span className="text-xs text-slate-600">{owner(kr.ownerId)}</span>
                  <StatusBadge status={kr.evaluation.status} />
                  <Score value={kr.evaluation.score} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
      {smartGoals.map((g) => (
        <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link
              to="/smart-goals/$smartGoalId"
              params={{ smartGoalId: g.id }}
              className="min-w-0 flex-1 basis-60 font-medium text-slate-900 hover:underline"
            >
              {g.title}
            </Link>
            <StatusBadge status={g.evaluation.status} />
            <Score value={g.evaluation.score} />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {owner(g.ownerId)} · due {g.dueDate} · last update {formatAgo(g.latestCheckinAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
