import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { quarterAt } from '../../../../core/cycle';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FILTER_CONTROL as FILTER, StatusFilter } from '../../components/Filters';
import { Page } from '../../components/Page';
import { ExportMenu } from '../exchange/ExportMenu';
import { AttentionLists } from './AttentionLists';
import { ComplianceHeatmap } from './ComplianceHeatmap';
import {
  cyclesQuery,
  dashboardQuery,
  directoryQuery,
  type Objective,
  pickCycle,
  type SmartGoal,
  startCycle,
} from './dashboard.queries';
import {
  type DashboardSearch,
  defaultUnit,
  passesFilters,
  shownUnit,
  WHOLE_COMPANY,
} from './dashboard-filters';
import { ObjectiveList } from './ObjectiveList';
import { StatusCounts } from './StatusCounts';
import { UnitsTable } from './UnitsTable';

/** The performance mark set once the dashboard's data has rendered (bench/web-dashboard.ts reads it). */
export const DATA_MARK = 'tandem:dashboard-data';

/** The company dashboard, or a unit's when `?unit=` is set; filters live in the URL. */
export function DashboardPage() {
  const search = useSearch({ from: '/_app/' });
  const { me } = useRouteContext({ from: '/_app' });
  const navigate = useNavigate({ from: '/' });
  const { data: cycles } = useSuspenseQuery(cyclesQuery);
  const { data: directory } = useSuspenseQuery(directoryQuery);
  const cycle = pickCycle(cycles, search.cycle);
  const setFilter = (key: keyof DashboardSearch, value: string) =>
    void navigate({ search: (prev: DashboardSearch) => ({ ...prev, [key]: value || undefined }) });
  const unitId = shownUnit(search, defaultUnit(me.units, directory.units));
  const unit = directory.units.find((u) => u.id === unitId);
  const title = unit ? unit.name : 'Company dashboard';

  if (!cycle) return <NoCycle />;
  return (
    <Page title={title}>
      <form
        aria-label="Filters"
        className="no-print mb-5 flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white p-3"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Cycle
          <select className={FILTER} value={cycle.id} onChange={(e) => setFilter('cycle', e.target.value)}>
            {cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.state})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Unit
          <select
            className={FILTER}
            value={unit?.id ?? WHOLE_COMPANY}
            onChange={(e) => setFilter('unit', e.target.value)}
          >
            <option value={WHOLE_COMPANY}>Whole company</option>
            {directory.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Owner
          <select
            className={FILTER}
            value={search.owner ?? ''}
            onChange={(e) => setFilter('owner', e.target.value)}
          >
            <option value="">Anyone</option>
            {directory.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <StatusFilter value={search.status ?? ''} onChange={(status) => setFilter('status', status)} />
        <div className="ml-auto flex items-end gap-2">
          {me.person.role === 'viewer' ? null : (
            <Link
              to="/import"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Import
            </Link>
          )}
          <ExportMenu cycleId={cycle.id} cycleName={cycle.name} unitId={unit?.id} unitName={unit?.name} />
        </div>
      </form>
      <DashboardBody
        cycleId={cycle.id}
        unitId={unit?.id}
        search={search}
        people={directory.people}
        units={directory.units}
      />
    </Page>
  );
}

type Person = { id: string; name: string };
type Unit = { id: string; name: string; parentId: string | null };

/** The top of the organisation: units with no parent and the units right below them. */
function topLevelUnits(units: readonly Unit[]): Set<string> {
  const roots = new Set(units.filter((u) => u.parentId === null).map((u) => u.id));
  return new Set(units.filter((u) => u.parentId === null || roots.has(u.parentId)).map((u) => u.id));
}

function DashboardBody(props: {
  cycleId: string;
  unitId: string | undefined;
  search: DashboardSearch;
  people: Person[];
  units: Unit[];
}) {
  const { search } = props;
  const query = useQuery(dashboardQuery(props.cycleId, props.unitId));
  const hasData = query.data !== undefined;
  useEffect(() => {
    // The moment the first dashboard data is on screen: what `npm run bench:web` measures.
    if (hasData && performance.getEntriesByName(DATA_MARK).length === 0) performance.mark(DATA_MARK);
  }, [hasData]);
  if (query.isPending) return <p className="text-slate-600">Loading the dashboard…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const objectives = data.kind === 'company' ? data.dashboard.company : data.page.objectives;
  const smartGoals: SmartGoal[] = data.kind === 'unit' ? data.page.smartGoals : [];
  const counts =
    data.kind === 'company' ? data.dashboard.statusCounts : countStatuses(objectives, smartGoals);
  const keep = (goal: { ownerId: string | null; evaluation: { status: string | null } }) =>
    passesFilters(goal, search);
  const names = new Map(props.people.map((p) => [p.id, p.name]));
  const shown = objectives.filter(
    (o) => keep(o) || (search.owner !== undefined && o.keyResults.some((kr) => kr.ownerId === search.owner)),
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="min-w-0">
        <StatusCounts counts={counts} />
        <section aria-labelledby="objectives-heading" className="mt-6">
          <h2 id="objectives-heading" className="mb-3 text-lg font-semibold">
            {data.kind === 'company' ? 'Company objectives' : 'Objectives'}{' '}
            <span className="text-sm font-normal text-slate-600">({shown.length})</span>
          </h2>
          <ObjectiveList objectives={shown} names={names} />
        </section>
        {data.kind === 'unit' ? (
          <section aria-labelledby="smart-heading" className="mt-6">
            <h2 id="smart-heading" className="mb-3 text-lg font-semibold">
              SMART goals{' '}
              <span className="text-sm font-normal text-slate-600">({smartGoals.filter(keep).length})</span>
            </h2>
            <ObjectiveList smartGoals={smartGoals.filter(keep)} names={names} />
            {data.page.hiddenGoals > 0 ? (
              <p className="mt-2 text-sm text-slate-600">
                {data.page.hiddenSummary ?? `${data.page.hiddenGoals} private goals`}
              </p>
            ) : null}
          </section>
        ) : null}
        <ComplianceHeatmap
          compliance={data.kind === 'company' ? data.dashboard.compliance : data.page.compliance}
          cycleId={props.cycleId}
        />
        {data.kind === 'unit' ? null : (
          <UnitsTable
            units={data.dashboard.units}
            unitNames={new Map(props.units.map((u) => [u.id, u.name]))}
            topLevel={topLevelUnits(props.units)}
          />
        )}
      </div>
      <AttentionLists objectives={objectives} smartGoals={smartGoals} names={names} />
    </div>
  );
}

/** Counts by status of what a unit page shows (the company dashboard's come from the server). */
function countStatuses(objectives: Objective[], smartGoals: SmartGoal[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const goal of [...objectives, ...smartGoals]) {
    const status = goal.evaluation.status ?? 'not_started';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/** A workspace without a cycle: admins start the current quarter (named by core/cycle). */
function NoCycle() {
  const { me } = useRouteContext({ from: '/_app' });
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const workspace = useQuery({
    queryKey: ['directory', 'workspace'],
    queryFn: async () => (await import('./workspace.queries')).fetchWorkspace(),
  });
  const settings = workspace.data?.settings;
  const quarter = settings
    ? quarterAt(Date.now(), settings.fiscalYearStartMonth, settings.timeZone)
    : undefined;
  const isAdmin = me.person.role === 'admin';
  return (
    <Page title="Company dashboard">
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="mb-2 text-lg font-semibold">No cycle yet</h2>
        <p className="mb-4 text-slate-700">
          Goals live in a cycle, usually a quarter. {isAdmin ? 'Start one to begin.' : 'An admin starts one.'}
        </p>
        {error ? <ErrorNotice error={error} /> : null}
        {isAdmin && quarter ? (
          <Button
            onClick={() =>
              startCycle(quarter.name)
                .then(() => queryClient.invalidateQueries({ queryKey: ['directory'] }))
                .catch(setError)
            }
          >
            Start {quarter.name}
          </Button>
        ) : null}
        <p className="mt-4 text-sm">
          <Link to="/check-in" className="text-brand-700 underline">
            Go to the check-in screen
          </Link>
        </p>
      </div>
    </Page>
  );
}
