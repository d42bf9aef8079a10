import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouteContext, useSearch } from '@tanstack/react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { formatScore } from '../../lib/format';
import { cyclesQuery, pickCycle } from '../dashboard/dashboard.queries';
import { fetchWorkspace } from '../dashboard/workspace.queries';
import { myOkrsQuery, mySmartGoalsQuery } from './my-goals.queries';
import { SmartGoalBoard } from './SmartGoalBoard';

/** The signed-in person's goals in a cycle: the objectives and KRs they own, and their SMART goal board. */
export function MyGoalsPage() {
  const { me } = useRouteContext({ from: '/_app' });
  const search = useSearch({ from: '/_app/goals' });
  const { data: cycles } = useSuspenseQuery(cyclesQuery);
  const cycle = pickCycle(cycles, search.cycle);
  const workspace = useQuery({ queryKey: ['directory', 'workspace'], queryFn: fetchWorkspace });
  const okrs = useQuery({ ...myOkrsQuery(cycle?.id ?? '', me.person.id), enabled: Boolean(cycle) });
  const smart = useQuery({ ...mySmartGoalsQuery(cycle?.id ?? '', me.person.id), enabled: Boolean(cycle) });
  if (!cycle)
    return (
      <Page title="My goals">
        <p>No cycle yet.</p>
      </Page>
    );
  const objectives = okrs.data?.objectives ?? [];
  const keyResults = okrs.data?.keyResults ?? [];
  return (
    <Page title="My goals">
      <p className="mb-4 text-sm text-slate-700">
        {cycle.name} · what you own.{' '}
        <Link to="/check-in" className="text-brand-700 underline">
          Check in
        </Link>
      </p>
      {okrs.isError ? <ErrorNotice error={okrs.error} onRetry={() => void okrs.refetch()} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <GoalList
          id="my-objectives"
          title="Objectives"
          empty="You own no objective in this cycle."
          items={objectives.map((o) => ({
            id: o.id,
            title: o.title,
            status: o.evaluation.status,
            score: o.evaluation.score,
            to: 'objective' as const,
          }))}
        />
        <GoalList
          id="my-key-results"
          title="Key results"
          empty="You own no key result in this cycle."
          items={keyResults.map((kr) => ({
            id: kr.id,
            title: kr.title,
            status: kr.evaluation.status,
            score: kr.evaluation.score,
            to: 'key_result' as const,
          }))}
        />
      </div>
      {smart.isError ? <ErrorNotice error={smart.error} onRetry={() => void smart.refetch()} /> : null}
      {smart.data && workspace.data ? (
        <SmartGoalBoard goals={smart.data} now={Date.now()} timeZone={workspace.data.settings.timeZone} />
      ) : smart.isPending ? (
        <p className="mt-6 text-slate-600">Loading your SMART goals…</p>
      ) : null}
    </Page>
  );
}

function GoalList(props: {
  id: string;
  title: string;
  empty: string;
  items: {
    id: string;
    title: string;
    status: Parameters<typeof StatusBadge>[0]['status'];
    score: number | null;
    to: 'objective' | 'key_result';
  }[];
}) {
  return (
    <section aria-labelledby={props.id} className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 id={props.id} className="mb-2 font-semibold">
        {props.title} <span className="text-sm font-normal text-slate-600">({props.items.length})</span>
      </h2>
      {props.items.length === 0 ? <p className="text-sm text-slate-600">{props.empty}</p> : null}
      <ul className="flex flex-col gap-2 text-sm">
        {props.items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {item.to === 'objective' ? (
              <Link
                to="/objectives/$objectiveId"
                params={{ objectiveId: item.id }}
                className="min-w-0 flex-1 basis-48 hover:underline"
              >
                {item.title}
              </Link>
            ) : (
              <Link
                to="/key-results/$keyResultId"
                params={{ keyResultId: item.id }}
                className="min-w-0 flex-1 basis-48 hover:underline"
              >
                {item.title}
              </Link>
            )}
            <span className="flex items-center gap-2 whitespace-nowrap">
              <StatusBadge status={item.status} />
              <span className="w-10 text-right tabular-nums">{formatScore(item.score)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
