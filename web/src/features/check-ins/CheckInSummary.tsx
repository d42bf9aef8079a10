import { Link } from '@tanstack/react-router';
import type { DueGoal } from '../../api/due';
import { Button } from '../../components/Button';
import { formatScore, formatValue } from '../../lib/format';
import type { CheckInResult } from './check-ins.queries';

/** After a submit: what was recorded and each goal's score now. */
export function CheckInSummary(props: { results: CheckInResult[]; goals: DueGoal[]; onAgain: () => void }) {
  const titles = new Map(props.goals.map((g) => [g.goalId, g]));
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
