import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { formatScore } from '../../lib/format';
import { AlignedChildren } from './AlignedChildren';
import { EditableTitle } from './EditableTitle';
import { GoalHistory } from './GoalHistory';
import { GoalNumbers } from './GoalNumbers';
import { objectiveQuery } from './goals.queries';

export function ObjectivePage() {
  const { objectiveId } = useParams({ from: '/_app/objectives/$objectiveId' });
  const query = useQuery(objectiveQuery(objectiveId));
  if (query.isError)
    return (
      <Page title="Objective">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  if (!query.data)
    return (
      <Page title="Objective">
        <p>Loading…</p>
      </Page>
    );
  const o = query.data;
  return (
    <Page
      title={o.title}
      actions={
        <>
          <StatusBadge status={o.evaluation.status} />
          <Link to="/write/objective" search={{ id: o.id }} className="text-sm text-brand-700 underline">
            Edit objective and key results
          </Link>
        </>
      }
    >
      {o.state === 'draft' ? <p className="mb-4 text-sm text-amber-900">Draft: not published yet.</p> : null}
      {o.description ? <p className="mb-4 text-slate-700">{o.description}</p> : null}
      <div className="mb-4">
        <EditableTitle
          title={o.title}
          version={o.version}
          queryKey={['objective', o.id]}
          save={(title, version) =>
            unwrap(
              api.PATCH('/api/v1/objectives/{id}', {
                params: { path: { id: o.id } },
                body: { title, version },
              }),
            )
          }
          reload={() => unwrap(api.GET('/api/v1/objectives/{id}', { params: { path: { id: o.id } } }))}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="krs-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="krs-heading" className="mb-3 font-semibold">
            Key results
          </h2>
          {o.keyResults.length === 0 ? <p className="text-sm text-slate-600">No key result yet.</p> : null}
          <ul className="flex flex-col gap-2">
            {o.keyResults.map((kr) => (
              <li key={kr.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <Link
                  to="/key-results/$keyResultId"
                  params={{ keyResultId: kr.id }}
                  className="min-w-0 flex-1 basis-52 hover:underline"
                >
                  {kr.title}
                </Link>
                <StatusBadge status={kr.evaluation.status} />
                <span className="w-10 text-right tabular-nums">{formatScore(kr.evaluation.score)}</span>
              </li>
            ))}
          </ul>
        </section>
        <GoalNumbers evaluation={o.evaluation} />
        <AlignedChildren cycleId={o.cycleId} goalId={o.id} />
        <GoalHistory goalType="objective" goalId={o.id} />
      </div>
    </Page>
  );
}
