import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { Measure } from '../../../../core/measure';
import { dateWindow } from '../../../../core/time';
import { api, unwrap } from '../../api/client';
import { ProgressChart } from '../../charts/ProgressChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { CheckInHistory } from './CheckInHistory';
import { EditableTitle } from './EditableTitle';
import { GoalHistory } from './GoalHistory';
import { GoalNumbers } from './GoalNumbers';
import { progressPoints, useCycleWindow } from './goal-chart';
import { checkInsQuery, smartGoalQuery } from './goals.queries';

export function SmartGoalPage() {
  const { smartGoalId } = useParams({ from: '/_app/smart-goals/$smartGoalId' });
  const query = useQuery(smartGoalQuery(smartGoalId));
  const checkIns = useQuery(checkInsQuery('smart_goal', smartGoalId));
  const cycle = useCycleWindow(query.data?.cycleId ?? '');
  if (query.isError)
    return (
      <Page title="SMART goal">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  if (!query.data)
    return (
      <Page title="SMART goal">
        <p>Loading…</p>
      </Page>
    );
  const goal = query.data;
  const measure = goal.measure as Measure | null;
  const unit = measure && 'unit' in measure ? measure.unit : undefined;
  return (
    <Page
      title={goal.title}
      actions={
        <>
          <StatusBadge status={goal.evaluation.status} />
          <Link to="/write/smart-goal" search={{ id: goal.id }} className="text-sm text-brand-700 underline">
            Edit SMART goal
          </Link>
        </>
      }
    >
      <p className="mb-4 text-sm text-slate-700">
        SMART goal, {goal.startDate} to {goal.dueDate}
        {goal.definitionOfDone ? ` · done when: ${goal.definitionOfDone}` : ''}
      </p>
      <div className="mb-4">
        <EditableTitle
          title={goal.title}
          version={goal.version}
          queryKey={['smart_goal', goal.id]}
          save={(title, version) =>
            unwrap(
              api.PATCH('/api/v1/smart-goals/{id}', {
                params: { path: { id: goal.id } },
                body: { title, version },
              }),
            )
          }
          reload={() => unwrap(api.GET('/api/v1/smart-goals/{id}', { params: { path: { id: goal.id } } }))}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-4">
          {cycle ? (
            <ProgressChart
              title={goal.title}
              window={dateWindow(goal.startDate, goal.dueDate, cycle.timeZone)}
              level={1}
              points={progressPoints(measure, checkIns.data ?? [])}
              forecast={goal.evaluation.forecast?.progress ?? null}
              now={Date.now()}
            />
          ) : null}
          <GoalNumbers evaluation={goal.evaluation} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <CheckInHistory goalType="smart_goal" goalId={goal.id} unit={unit} />
          <GoalHistory goalType="smart_goal" goalId={goal.id} />
        </div>
      </div>
    </Page>
  );
}
