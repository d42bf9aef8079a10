import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { alignableQuery, workspaceQuery } from '../authoring/authoring.queries';
import { type Cycle, cyclesQuery, directoryQuery } from '../dashboard/dashboard.queries';
import { PlannedCascadeView } from './PlannedCascade';
import { plannedCascade, planningCycle, proposeNextQuarter } from './plan';
import { planQuery } from './planning.queries';

export interface PlanSearch {
  cycle?: string;
}

/**
 * Planning a cycle (issue 15, item 2): pick or create the next cycle, draft goals in it with the
 * editors, see the planned cascade with its coach counts and orphans, and (admins) activate it.
 */
export function PlanPage() {
  const search = useSearch({ strict: false }) as PlanSearch;
  const { me } = useRouteContext({ from: '/_app' });
  const cycles = useQuery(cyclesQuery);
  const isAdmin = me.person.role === 'admin';
  const cycle = planningCycle(cycles.data ?? [], search.cycle);
  const planning = (cycles.data ?? []).filter((c) => c.state === 'planning');
  const [activated, setActivated] = useState<Cycle | undefined>();
  return (
    <Page title="Plan a cycle">
      {cycles.isError ? <ErrorNotice error={cycles.error} /> : null}
      {activated ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {activated.name} is active: its goals are published and check-ins are due.{' '}
          <Link to="/alignment" search={{ cycle: activated.id }} className="font-medium underline">
            See it in the alignment tree
          </Link>
        </p>
      ) : null}
      {planning.length > 1 ? <CyclePicker cycles={planning} current={cycle?.id} /> : null}
      {isAdmin && cycles.data && !cycle ? <NewCycle cycles={cycles.data} /> : null}
      {cycles.isPending ? <p>Loading…</p> : null}
      {cycles.data && !cycle ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700">
          No cycle is being planned.{' '}
          {isAdmin
            ? 'Create the next one above.'
            : 'An admin creates the next cycle; then you can draft goals in it here.'}
        </p>
      ) : null}
      {cycle ? <CyclePlan cycle={cycle} isAdmin={isAdmin} onActivated={setActivated} /> : null}
      {isAdmin && cycles.data && cycle ? (
        <details className="mt-6">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            Create another cycle
          </summary>
          <div className="mt-2">
            <NewCycle cycles={cycles.data} />
          </div>
        </details>
      ) : null}
    </Page>
  );
}

function CyclePicker(props: { cycles: readonly Cycle[]; current: string | undefined }) {
  const navigate = useNavigate();
  return (
    <label className="mb-4 flex items-center gap-2 text-sm">
      Cycle being planned
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
        value={props.current ?? ''}
        onChange={(e) => void navigate({ to: '/plan', search: { cycle: e.target.value } })}
      >
        {props.cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Admins create the next cycle; the quarter after the latest is proposed (SPEC 3.9). */
function NewCycle(props: { cycles: readonly Cycle[] }) {
  const workspace = useQuery(workspaceQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const proposal = workspace.data
    ? proposeNextQuarter(
        props.cycles,
        new Date().toISOString().slice(0, 10),
        workspace.data.settings.fiscalYearStartMonth ?? 1,
      )
    : undefined;
  const [name, setName] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  if (!proposal) return null;
  const value = name ?? proposal.name;
  const exists = props.cycles.some((c) => c.name === value.trim());
  const create = async () => {
    setPending(true);
    setFailure(undefined);
    try {
      const created = await unwrap(
        api.POST('/api/v1/cycles', { body: { name: value.trim(), state: 'planning' } }),
      );
      await queryClient.invalidateQueries({ queryKey: cyclesQuery.queryKey });
      setName(undefined);
      await navigate({ to: '/plan', search: { cycle: created.id } });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      aria-label="Create the next cycle"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2 className="mb-2 font-semibold">Create the next cycle</h2>
      {failure ? <ErrorNotice error={failure} /> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <TextField
            label="Cycle name"
            hint={`A quarter (${proposal.name} runs ${proposal.startDate} to ${proposal.endDate}), a year (FY2027), or any name for a custom window.`}
            value={value}
            onChange={(e) => setName(e.target.value)}
            error={exists ? 'A cycle with this name exists already.' : undefined}
            maxLength={40}
          />
        </div>
        <div className="mb-4">
          <Button type="submit" disabled={pending || exists || !value.trim()}>
            Create {value.trim() || 'cycle'} in planning
          </Button>
        </div>
      </div>
    </form>
  );
}

function CyclePlan(props: { cycle: Cycle; isAdmin: boolean; onActivated: (cycle: Cycle) => void }) {
  const { cycle } = props;
  const plan = useQuery(planQuery(cycle.id));
  const directory = useQuery(directoryQuery);
  const cycles = useQuery(cyclesQuery);
  const active = (cycles.data ?? []).find((c) => c.state === 'active');
  const outside = useQuery(alignableQuery(active?.id ?? ''));
  const carried = [...new Set((plan.data?.objectives ?? []).flatMap((o) => o.predecessorId ?? []))];
  const predecessors = useQueries({
    queries: carried.map((id) => ({
      queryKey: ['objective', id],
      queryFn: () => unwrap(api.GET('/api/v1/objectives/{id}', { params: { path: { id } } })),
    })),
  });
  const error = plan.error ?? directory.error;
  if (error) return <ErrorNotice error={error} />;
  if (!plan.data || !directory.data) return <p>Loading the plan…</p>;
  const outsideTitles = new Map<string, string>();
  for (const o of outside.data ?? []) {
    outsideTitles.set(o.id, `${o.title} (${active?.name})`);
    for (const kr of o.keyResults) outsideTitles.set(kr.id, `${kr.title} (${active?.name})`);
  }
  const cascade = plannedCascade({
    objectives: plan.data.objectives,
    smartGoals: plan.data.smartGoals,
    units: directory.data.units,
    findings: plan.data.findings,
    outsideTitles,
    predecessors: new Map(
      predecessors.flatMap((q) => (q.data ? [[q.data.id, q.data.keyResults] as const] : [])),
    ),
  });
  const people = new Map(directory.data.people.map((p) => [p.id, p.name]));
  const isPlanning = cycle.state === 'planning';
  return (
    <section aria-labelledby="plan-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="plan-heading" className="text-lg font-semibold">
          {cycle.name}{' '}
          <span className="text-sm font-normal text-slate-600">
            {cycle.startDate} to {cycle.endDate}, {cycle.state}
          </span>
        </h2>
        <div className="flex flex-wrap gap-2">
          <Link
            to="/write/objective"
            search={{ cycle: cycle.id }}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Draft an objective
          </Link>
          <Link
            to="/write/smart-goal"
            search={{ cycle: cycle.id }}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Draft a SMART goal
          </Link>
        </div>
      </div>
      <p className="text-sm text-slate-700">
        {cascade.counts.objectives} objective{cascade.counts.objectives === 1 ? '' : 's'} and{' '}
        {cascade.counts.smartGoals} SMART goal{cascade.counts.smartGoals === 1 ? '' : 's'} planned:{' '}
        {cascade.counts.drafts} draft{cascade.counts.drafts === 1 ? '' : 's'}, {cascade.counts.carriedOver}{' '}
        carried over; the coach found {cascade.counts.errors} error{cascade.counts.errors === 1 ? '' : 's'}{' '}
        and {cascade.counts.warnings} warning{cascade.counts.warnings === 1 ? '' : 's'}.
      </p>
      {cascade.orphans.length > 0 ? (
        <div
          role="note"
          aria-label="Orphans"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
        >
          <p className="font-medium text-amber-950">
            {cascade.orphans.length === 1 ? 'One goal aligns' : `${cascade.orphans.length} goals align`} to
            nothing above it:
          </p>
          <ul className="mt-1 list-disc pl-5 text-amber-950">
            {cascade.orphans.map((g) => (
              <li key={g.id}>{g.title}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PlannedCascadeView cascade={cascade} people={people} />
      {isPlanning && props.isAdmin ? (
        <Activate cycle={cycle} counts={cascade.counts} onActivated={props.onActivated} />
      ) : null}
    </section>
  );
}

/** Activating a cycle, behind a confirmation that says what happens. */
function Activate(props: {
  cycle: Cycle;
  counts: ReturnType<typeof plannedCascade>['counts'];
  onActivated: (cycle: Cycle) => void;
}) {
  const { cycle, counts } = props;
  const queryClient = useQueryClient();
  const workspace = useQuery(workspaceQuery);
  const [isConfirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const blocks = workspace.data?.settings.coachBlocksPublishing === true;
  const activate = async () => {
    setPending(true);
    setFailure(undefined);
    try {
      const result = await unwrap(
        api.POST('/api/v1/cycles/{id}/activate', { params: { path: { id: cycle.id } } }),
      );
      await queryClient.invalidateQueries({ queryKey: cyclesQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ['plan'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      props.onActivated(result);
    } catch (caught) {
      setFailure(caught);
      setConfirming(false);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">Activate {cycle.name}</h2>
      {failure ? <ErrorNotice error={failure} /> : null}
      {isConfirming ? (
        <div role="alertdialog" aria-labelledby="activate-title" aria-describedby="activate-what">
          <p id="activate-title" className="font-medium">
            Activate {cycle.name} now?
          </p>
          <ul id="activate-what" className="my-2 list-disc pl-5 text-sm text-slate-800">
            <li>
              {counts.drafts === 0
                ? 'Every planned goal is published already.'
                : `${counts.drafts} draft goal${counts.drafts === 1 ? '' : 's'} become${counts.drafts === 1 ? 's' : ''} published: objectives active, SMART goals open.`}
            </li>
            <li>
              Check-ins on its goals are due from {cycle.startDate} to {cycle.endDate}, and reminders go out
              for them.
            </li>
            <li>
              {blocks
                ? `The coach's errors block it (this workspace's setting): ${counts.errors === 0 ? 'none found.' : `${counts.errors} to fix first.`}`
                : 'The coach does not block it here; its findings stay visible on each goal.'}
            </li>
            <li>Goals can still be edited and realigned afterwards; every change is kept.</li>
          </ul>
          <div className="flex flex-wrap gap-2">
            <Button disabled={pending} onClick={() => void activate()}>
              Yes, activate {cycle.name}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>Activate {cycle.name}…</Button>
      )}
    </div>
  );
}
