import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ambitionBandText, decisionText, gradeText, tagText } from '../../../../core/report/document';
import { ApiError } from '../../api/errors';
import { GradeBarsChart } from '../../charts/GradeBarsChart';
import { GradeDistributionChart } from '../../charts/GradeDistributionChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { directoryQuery } from '../dashboard/dashboard.queries';
import {
  type CycleReport,
  cycleCalibration,
  decisionCounts,
  REPORT_FORMATS,
  reportDocumentUrl,
  rootCauses,
} from './report';
import { reportQuery } from './report.queries';

const SECTION = 'report-section rounded-lg border border-slate-200 bg-white p-4';
const BAND = {
  red: 'border-red-300 bg-red-50 text-red-900',
  yellow: 'border-amber-300 bg-amber-50 text-amber-900',
  green: 'border-emerald-300 bg-emerald-50 text-emerald-900',
};
const BAND_LABEL = { red: 'red', yellow: 'yellow', green: 'green' };

function BandText({ band, grade }: { band: 'red' | 'yellow' | 'green' | null; grade: number | null }) {
  if (!band) return <span className="text-slate-600">no grade</span>;
  return (
    <span className={`whitespace-nowrap rounded-full border px-2 py-0.5 text-xs ${BAND[band]}`}>
      {gradeText(grade)} · {BAND_LABEL[band]}
    </span>
  );
}

/**
 * A closed cycle's report (SPEC 7): grades, their distribution, this cycle's calibration, root
 * causes, decisions and lessons, with the API's Markdown, HTML and PDF documents to download.
 * Printed from the browser it drops the navigation and the buttons and starts each section on
 * a new page (the print rules in app/styles.css).
 */
export function ReportPage() {
  const { cycleId } = useParams({ from: '/_app/cycles/$cycleId/report' });
  const report = useQuery(reportQuery(cycleId));
  if (report.isError) {
    const isOpen = report.error instanceof ApiError && report.error.status === 409;
    return (
      <Page title="Cycle report">
        {isOpen ? (
          <div
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
          >
            <p className="font-medium">This cycle is not closed yet: its report exists once it closes.</p>
            <Link
              to="/close-out"
              search={{ cycle: cycleId }}
              className="mt-2 inline-block text-brand-700 underline"
            >
              Go to its close-out
            </Link>
          </div>
        ) : (
          <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />
        )}
      </Page>
    );
  }
  if (!report.data)
    return (
      <Page title="Cycle report">
        <p>Loading…</p>
      </Page>
    );
  return <Report report={report.data} />;
}

function Report({ report }: { report: CycleReport }) {
  const directory = useQuery(directoryQuery);
  const unitName = (id: string | null) =>
    id ? (directory.data?.units.find((u) => u.id === id)?.name ?? 'a unit') : 'no unit';
  const personName = (id: string) => directory.data?.people.find((p) => p.id === id)?.name ?? 'someone';
  const calibration = cycleCalibration(report);
  const causes = rootCauses(report);
  const d = report.distribution;
  const rows = [
    { label: 'Objectives', bands: d.objectives },
    { label: 'Key results', bands: d.keyResults },
    { label: 'SMART goals', bands: d.smartGoals },
  ];
  return (
    <Page
      title={`Report of ${report.cycle.name}`}
      actions={
        <nav className="no-print flex flex-wrap items-center gap-2" aria-label="Download the report">
          {REPORT_FORMATS.map((f) => (
            <a
              key={f.format}
              href={reportDocumentUrl(report.cycle.id, f.format)}
              download
              className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Download {f.label}
            </a>
          ))}
          <button
            type="button"
            onClick={() => window.print()}
            className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Print
          </button>
        </nav>
      }
    >
      <div className="report flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          {report.cycle.closedAt ? `Closed on ${formatDate(report.cycle.closedAt)}. ` : ''}
          Grades are frozen: each is the goal's score at close rounded to one decimal.
          {report.hiddenSummary ? ` Left out: ${report.hiddenSummary} you may not see.` : ''}
        </p>

        <section aria-labelledby="distribution-heading" className={SECTION}>
          <h2 id="distribution-heading" className="mb-3 text-lg font-semibold">
            Distribution of grades
          </h2>
          <div className="sm:hidden">
            <GradeDistributionChart rows={rows} title="Distribution of grades" width={360} />
          </div>
          <div className="hidden sm:block">
            <GradeDistributionChart rows={rows} title="Distribution of grades" />
          </div>
          <table className="mt-3 w-full max-w-2xl text-left text-sm">
            <caption className="sr-only">Grades by band</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">
                  Goals
                </th>
                <th scope="col" className="py-1 pr-3">
                  Green
                </th>
                <th scope="col" className="py-1 pr-3">
                  Yellow
                </th>
                <th scope="col" className="py-1 pr-3">
                  Red
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-medium">
                    {r.label}
                  </th>
                  <td className="py-1 pr-3">{r.bands.green}</td>
                  <td className="py-1 pr-3">{r.bands.yellow}</td>
                  <td className="py-1 pr-3">{r.bands.red}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="calibration-heading" className={SECTION}>
          <h2 id="calibration-heading" className="mb-2 text-lg font-semibold">
            Calibration of this cycle
          </h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium">Ambition index (aspirational KRs)</dt>
              <dd>
                {calibration.ambition.value === null
                  ? `Not enough graded aspirational KRs: ${calibration.ambition.count} of the 3 needed.`
                  : `${calibration.ambition.value.toFixed(2)}, ${ambitionBandText(calibration.ambition.band!)}, over ${calibration.ambition.count} KRs.`}
              </dd>
            </div>
            <div>
              <dt className="font-medium">Commitment reliability (committed KRs and SMART goals)</dt>
              <dd>
                {calibration.commitment.value === null
                  ? 'No graded committed KR or SMART goal.'
                  : `${Math.round(calibration.commitment.value * 100)} % of ${calibration.commitment.count} met in full.`}
              </dd>
            </div>
          </dl>
          <p className="no-print mt-2 text-xs text-slate-600">
            Over the last closed cycles, and with the Brier score of confidence:{' '}
            <Link to="/calibration" className="text-brand-700 underline">
              calibration
            </Link>
            .
          </p>
        </section>

        <section aria-labelledby="grades-heading" className={SECTION}>
          <h2 id="grades-heading" className="mb-3 text-lg font-semibold">
            Objectives and key results
          </h2>
          {report.objectives.length === 0 ? (
            <p className="text-sm">No objective you may see in this cycle.</p>
          ) : (
            <>
              <div className="sm:hidden">
                {' '}
                <GradeBarsChart
                  width={360}
                  title="Grades of the objectives"
                  bars={report.objectives.map((o) => ({
                    id: o.id,
                    label: o.title,
                    grade: o.grade,
                    band: o.band,
                  }))}
                />
              </div>
              <div className="hidden sm:block">
                {' '}
                <GradeBarsChart
                  title="Grades of the objectives"
                  bars={report.objectives.map((o) => ({
                    id: o.id,
                    label: o.title,
                    grade: o.grade,
                    band: o.band,
                  }))}
                />
              </div>
            </>
          )}
          <div className="mt-4 flex flex-col gap-4">
            {report.objectives.map((o) => (
              <article
                key={o.id}
                aria-labelledby={`objective-${o.id}`}
                className="report-objective rounded-md border border-slate-200 p-3"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id={`objective-${o.id}`} className="font-semibold">
                    <Link
                      to="/objectives/$objectiveId"
                      params={{ objectiveId: o.id }}
                      className="hover:underline"
                    >
                      {o.title}
                    </Link>
                  </h3>
                  <BandText band={o.band} grade={o.grade} />
                </div>
                <p className="mt-1 text-xs text-slate-700">
                  {o.kind} · {unitName(o.unitId)} · decision: {decisionText(o.decision)}
                </p>
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">Key results of {o.title}</caption>
                  <thead>
                    <tr className="border-b border-slate-300 text-xs">
                      <th scope="col" className="py-1 pr-3">
                        Key result
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Grade
                      </th>
                      <th scope="col" className="py-1">
                        Root cause
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.keyResults.map((kr) => (
                      <tr key={kr.id} className="border-b border-slate-100 align-top">
                        <th scope="row" className="py-1 pr-3 font-normal">
                          {kr.title}
                          {kr.mayBeTooSafe ? (
                            <span className="block text-xs text-slate-600">
                              1.0 on an aspirational KR: the target may have been too safe
                            </span>
                          ) : null}
                        </th>
                        <td className="py-1 pr-3">
                          <BandText band={kr.band} grade={kr.grade} />
                        </td>
                        <td className="py-1">
                          {[tagText(kr.rootCauseTag), kr.rootCauseNote].filter(Boolean).join(': ') || '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            ))}
          </div>
        </section>

        <section aria-labelledby="smart-heading" className={SECTION}>
          <h2 id="smart-heading" className="mb-2 text-lg font-semibold">
            SMART goals
          </h2>
          {report.smartGoals.length === 0 ? (
            <p className="text-sm">No SMART goal you may see in this cycle.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">SMART goals with their grades</caption>
              <thead>
                <tr className="border-b border-slate-300 text-xs">
                  <th scope="col" className="py-1 pr-3">
                    SMART goal
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Owner
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Grade
                  </th>
                  <th scope="col" className="py-1">
                    Root cause
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.smartGoals.map((g) => (
                  <tr key={g.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 font-normal">
                      <Link
                        to="/smart-goals/$smartGoalId"
                        params={{ smartGoalId: g.id }}
                        className="hover:underline"
                      >
                        {g.title}
                      </Link>
                    </th>
                    <td className="py-1 pr-3">{personName(g.ownerId)}</td>
                    <td className="py-1 pr-3">
                      <BandText band={g.band} grade={g.grade} />
                    </td>
                    <td className="py-1">{g.rootCauseNote ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="causes-heading" className={SECTION}>
          <h2 id="causes-heading" className="mb-2 text-lg font-semibold">
            Root causes
          </h2>
          {causes.length === 0 ? (
            <p className="text-sm">No goal fell short with a root cause recorded.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {causes.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{c.title}</span>
                  {c.objective ? (
                    <span className="text-slate-700"> ({c.objective})</span>
                  ) : (
                    <span className="text-slate-700"> (SMART goal)</span>
                  )}
                  , grade {gradeText(c.grade)}: {[tagText(c.tag), c.note].filter(Boolean).join(': ')}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="lessons-heading" className={SECTION}>
          <h2 id="lessons-heading" className="mb-2 text-lg font-semibold">
            Decisions and lessons
          </h2>
          <p className="mb-2 text-sm text-slate-700">
            {decisionCounts(report)
              .map(
                (c) =>
                  `${c.count} ${c.decision === 'none' ? 'without a decision' : decisionText(c.decision).toLowerCase()}`,
              )
              .join(', ') || 'No objective.'}
          </p>
          <ul className="flex flex-col gap-3 text-sm">
            {report.objectives.map((o) => (
              <li key={o.id}>
                <p className="font-medium">
                  {o.title}: {decisionText(o.decision)}
                  {o.successorId ? (
                    <>
                      {' '}
                      <Link
                        to="/objectives/$objectiveId"
                        params={{ objectiveId: o.successorId }}
                        className="no-print font-normal text-brand-700 underline"
                      >
                        its successor
                      </Link>
                    </>
                  ) : null}
                </p>
                <p className="text-slate-800">
                  {o.learned ? `What we learned: ${o.learned}` : 'No lesson written.'}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}
