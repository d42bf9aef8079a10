import { Link } from '@tanstack/react-router';
import type { DueGoal } from '../../api/due';
import { Button } from '../../components/Button';
import { formatAgo, formatScore, formatValue } from '../../lib/format';
import type { CheckInResult } from './check-ins.queries';

/** After a submit: what was recorded and each goal's score now. */
export function CheckInSummary(props: { results: CheckInResult[]; goals: DueGoal[]; onAgain: () => void }) {
  const titles = new Map(props.goals.map((g) => [g.goalId, g]));
  const sent = new Set(props.results.map((r) => r.checkIn.goalId));
  const doneBefore = props.goals.filter((g) => g.isDone && !sent.has(g.goalId));
  return (
    <div>
      <p className="mb-4 text-slate-700" role="status">
        Saved {props.results.length} {props.results.length === 1 ? 'check-in' : 'check-ins'}.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Goal
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Value
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Before
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Score now
              </th>
            </tr>
          </thead>
          <tbody>
            {props.results.map((r) => {
              const goal = titles.get(r.checkIn.goalId);
              const unit = goal?.measure && 'unit' in goal.measure ? goal.measure.unit : undefined;
              return (
                <tr key={r.checkIn.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">{goal?.title ?? r.checkIn.goalId}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatValue(r.checkIn.value, unit)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatValue(goal?.lastValue, unit)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatScore(r.goal.score)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {doneBefore.length > 0 ? (
        <section className="mt-4" aria-labelledby="done-before">
          <h2 id="done-before" className="text-sm font-semibold text-slate-800">
            Already done this period
          </h2>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {doneBefore.map((g) => {
              const unit = g.measure && 'unit' in g.measure ? g.measure.unit : undefined;
              return (
                <li key={g.goalId}>
                  {g.title}:{' '}
                  {g.measure?.type === 'milestones' || g.measure?.type === 'boolean'
                    ? formatScore(g.lastValue)
                    : formatValue(g.lastValue, unit)}
                  , {formatAgo(g.latestCheckinAt)}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <div className="mt-4 flex gap-3">
        <Link
          to="/"
          className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white"
        >
          See the dashboard
        </Link>
        <Button variant="secondary" onClick={props.onAgain}>
          Check in again
        </Button>
      </div>
    </div>
  );
}
