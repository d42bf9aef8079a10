import type { Schema } from '../../api/client';
import { StatusBadge } from '../../components/StatusBadge';
import { formatScore } from '../../lib/format';
import { STATUS_LABEL } from '../../lib/status';

/**
 * "How was this computed": the numbers behind the status and score, as the server's evaluation
 * (core/evaluate) gives them, with the rule of SPEC 3.5 in words.
 */
export function GoalNumbers({ evaluation }: { evaluation: Schema<'Evaluation'> }) {
  const { progress, expected, score, status, forecast } = evaluation;
  const ratio = progress !== null && expected ? progress / expected : null;
  return (
    <section aria-labelledby="numbers-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="numbers-heading" className="mb-3 font-semibold">
        Numbers
      </h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Status</dt>
          <dd>
            <StatusBadge status={status} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Score</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatScore(score)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Expected by now</dt>
          <dd className="tabular-nums">{formatScore(expected)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Forecast at the end</dt>
          <dd className="tabular-nums">{forecast ? formatScore(forecast.score) : '—'}</dd>
        </div>
      </dl>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700">How was this computed?</summary>
        <ul className="mt-2 list-disc pl-5 text-slate-700">
          <li>
            Progress is {formatScore(progress)} of the way from start to target; the score is progress kept
            between 0 % and 100 %.
          </li>
          <li>By today the plan expects {formatScore(expected)}.</li>
          {ratio !== null ? (
            <li>
              Progress over expected is {ratio.toFixed(2)}: at 0.90 or more a goal is on track, at 0.60 or
              more at risk, below that off track (the workspace's thresholds).
            </li>
          ) : null}
          {status === 'stale' ? (
            <li>No check-in for more than two check-in periods, so it is stale whatever the numbers say.</li>
          ) : null}
          {forecast ? (
            <li>
              At the current pace it ends at {formatScore(forecast.score)} (
              {forecast.reachesTarget ? 'reaches' : 'misses'} the target).
            </li>
          ) : null}
          {status ? <li>So the status is “{STATUS_LABEL[status]}”.</li> : null}
        </ul>
      </details>
    </section>
  );
}
