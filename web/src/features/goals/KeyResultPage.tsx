import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { Measure } from '../../../../core/measure';
import { SUCCESS_LEVEL } from '../../../../core/settings';
import { api, unwrap } from '../../api/client';
import { ProgressChart } from '../../charts/ProgressChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { AlignedChildren } from './AlignedChildren';
import { CheckInHistory } from './CheckInHistory';
import { EditableTitle } from './EditableTitle';
import { GoalHistory } from './GoalHistory';
import { GoalNumbers } from './GoalNumbers';
import { planPoints, progressPoints, useCycleWindow } from './goal-chart';
import { checkInsQuery, keyResultQuery, objectiveQuery } from './goals.queries';

export function KeyResultPage() {
  const { keyResultId } = useParams({ from: '/_app/key-results/$keyResultId' });
  const query = useQuery(keyResultQuery(keyResultId));
  const objective = useQuery({ ...objectiveQuery(query.data?.objectiveId ?? ''), enabled: !!query.data });
  const checkIns = useQuery(checkInsQuery('key_result', keyResultId));
  const cycle = useCycleWindow(objective.data?.cycleId ?? '');
  if (query.isError)
    return (
      <Page title="Key result">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  if (!query.data)
    return (
      <Page title="Key result">
        <p>Loading…</p>
      </Page>
    );
  const kr = query.data;
  const measure = kr.measure as Measure | null;
  const unit = measure && 'unit' in measure ? measure.unit : undefined;
  const level = SUCCESS_LEVEL[objective.data?.kind ?? 'committed'];
  return (
    <Page title={kr.title} actions={<StatusBadge status={kr.evaluation.status} />}>
      {objective.data ? (
        <p className="mb-4 text-sm text-slate-700">
          Key result of{' '}
          <Link
            to="/objectives/$objectiveId"
            params={{ objectiveId: objective.data.id }}
            className="text-brand-700 underline"
          >
            {objective.data.title}
          </Link>
        </p>
      ) : null}
      <div className="mb-4">
        <EditableTitle
          title={kr.title}
          version={kr.version}
          queryKey={['key_result', kr.id]}
          save={(title, version) =>
            unwrap(
              api.PATCH('/api/v1/key-results/{id}', {
                params: { path: { id: kr.id } },
                body: { title, version },
              }),
            )
          }
          reload={() => unwrap(api.GET('/api/v1/key-results/{id}', { params: { path: { id: kr.id } } }))}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-4">
          {cycle ? (
            <ProgressChart
              title={kr.title}
              window={cycle.window}
              level={level}
              plan={planPoints(kr.plan, cycle.timeZone)}
              points={progressPoints(measure, checkIns.data ?? [])}
              forecast={kr.evaluation.forecast?.progress ?? null}
              now={Date.now()}
            />
          ) : null}
          <GoalNumbers evaluation={kr.evaluation} />
          {objective.data ? <AlignedChildren cycleId={objective.data.cycleId} goalId={kr.id} /> : null}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <CheckInHistory goalType="key_result" goalId={kr.id} unit={unit} />
          <GoalHistory goalType="key_result" goalId={kr.id} />
        </div>
      </div>
    </Page>
  );
}
