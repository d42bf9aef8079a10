import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ObjectiveKind } from '../../../../core/settings';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { cyclesQuery, directoryQuery } from '../dashboard/dashboard.queries';
import {
  type CloseOutProgress,
  closeBody,
  type Decision,
  forgetProgress,
  gradeLine,
  loadProgress,
  missingItems,
  needOf,
  ROOT_CAUSE_TAGS,
  type RootCauseTag,
  saveProgress,
} from './close-out';

export interface CloseOutSearch {
  cycle?: string;
  unit?: string;
}

const BAND = {
  red: 'border-red-300 bg-red-50 text-red-900',
  yellow: 'border-amber-300 bg-amber-50 text-amber-900',
  green: 'border-emerald-300 bg-emerald-50 text-emerald-900',
};

/**
 * Closing a cycle (SPEC 7): each goal's grade with the score behind it, root causes where a goal
 * fell short, a decision and "what we learned" per objective; progress kept in this browser as
 * it is typed; closing (admins) refused by the server with the list of what is missing.
 */
export function CloseOutPage() {
  const search = useSearch({ strict: false }) as CloseOutSearch;
  const navigate = useNavigate();
  const cycles = useQuery(cyclesQuery);
  const directory = useQuery(directoryQuery);
  const open = (cycles.data ?? []).filter((c) => c.state !== 'closed');
  const cycleId = search.cycle ?? open.find((c) => c.state === 'active')?.id ?? open[0]?.id ?? '';
  const unit = search.unit ?? '';
  // Said here, not in the form: once closed, the cycle leaves the list and its form goes.
  const [closedCycle, setClosedCycle] = useState<{ id: string; name: string } | null>(null);
  return (
    <Page title="Close out a cycle">
      {cycles.isError ? <ErrorNotice error={cycles.error} /> : null}
      {closedCycle ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          The cycle is closed: {closedCycle.name}'s scores and grades are frozen.{' '}
          <Link
            to="/cycles/$cycleId/report"
            params={{ cycleId: closedCycle.id }}
            className="font-medium text-emerald-900 underline"
          >
            Open the report of {closedCycle.name}
          </Link>
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap gap-3">
        <label className="flex items-center gap-2 text-sm">
          Cycle
          <select
            className="rounded-md border border-slate-300 px-2 py-1"
            value={cycleId}
            onChange={(e) =>
              void navigate({
                to: '/close-out',
                search: { cycle: e.target.value, ...(unit ? { unit } : {}) },
              })
            }
          >
            {open.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.state})
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          Unit
          <select
            className="rounded-md border border-slate-300 px-2 py-1"
            value={unit}
            onChange={(e) =>
              void navigate({
                to: '/close-out',
                search: { cycle: cycleId, ...(e.target.value ? { unit: e.target.value } : {}) },
              })
            }
          >
            <option value="">Every unit</option>
            {(directory.data?.units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {cycleId ? (
        <CloseOutForm
          key={`${cycleId}-${unit}`}
          cycleId={cycleId}
          unitId={unit}
          onClosed={() =>
            setClosedCycle({ id: cycleId, name: open.find((c) => c.id === cycleId)?.name ?? 'the cycle' })
          }
        />
      ) : (
        <p>No open cycle.</p>
      )}
      <p className="mt-6 text-sm">
        <Link to="/cycles" className="text-brand-700 underline">
          Cycles and the reports of closed ones
        </Link>
      </p>
    </Page>
  );
}

function CloseOutForm({
  cycleId,
  unitId,
  onClosed,
}: {
  cycleId: string;
  unitId: string;
  onClosed: () => void;
}) {
  const { me } = useRouteContext({ from: '/_app' });
  const queryClient = useQueryClient();
  const query = { cycle: cycleId, ...(unitId ? { unit: unitId } : {}), limit: 500 };
  const objectives = useQuery({
    queryKey: ['close-out', 'objectives', cycleId, unitId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/objectives', { params: { query } }))).items,
  });
  const smartGoals = useQuery({
    queryKey: ['close-out', 'smart-goals', cycleId, unitId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/smart-goals', { params: { query } }))).items,
  });
  const [progress, setProgress] = useState<CloseOutProgress>(() => loadProgress(cycleId));
  const [refusal, setRefusal] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [closed, setClosed] = useState('');
  const [pending, setPending] = useState(false);
  useEffect(() => saveProgress(cycleId, progress), [cycleId, progress]);
  const setNote = (id: string, patch: { rootCauseNote?: string; rootCauseTag?: RootCauseTag | '' }) =>
    setProgress((p) => ({ ...p, notes: { ...p.notes, [id]: { ...p.notes[id], ...patch } } }));
  const setDecision = (id: string, patch: { decision?: Decision | ''; learned?: string }) =>
    setProgress((p) => ({ ...p, decisions: { ...p.decisions, [id]: { ...p.decisions[id], ...patch } } }));

  if (objectives.isError || smartGoals.isError)
    return <ErrorNotice error={objectives.error ?? smartGoals.error} />;
  if (!objectives.data || !smartGoals.data) return <p>Loading…</p>;
  const toGrade = objectives.data.map((o) => ({
    id: o.id,
    title: o.title,
    score: o.evaluation.score,
    kind: o.kind,
    state: o.state,
    keyResults: o.keyResults.map((kr) => ({ id: kr.id, title: kr.title, score: kr.evaluation.score })),
  }));
  const goals = smartGoals.data.filter((g) => g.state !== 'dropped');
  const missing = missingItems(
    toGrade,
    goals.map((g) => ({ id: g.id, title: g.title, score: g.evaluation.score })),
    progress,
  );
  const isAdmin = me.person.role === 'admin';

  const close = async () => {
    setPending(true);
    setFailure(undefined);
    setRefusal([]);
    try {
      await unwrap(
        api.POST('/api/v1/cycles/{id}/close', {
          params: { path: { id: cycleId } },
          body: closeBody(progress),
        }),
      );
      forgetProgress(cycleId);
      setClosed('The cycle is closed: scores and grades are frozen.');
      onClosed();
      await queryClient.invalidateQueries({ queryKey: ['directory', 'cycles'] });
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0)
        setRefusal(caught.issues.map((i) => i.message));
      else setFailure(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      {objectives.data.length === 0 && goals.length === 0 ? (
        <p className="text-sm">No goal in this cycle.</p>
      ) : null}
      {objectives.data.map((o) => {
        const kind: ObjectiveKind = o.kind ?? 'aspirational';
        const line = gradeLine(o.evaluation.score, kind);
        const d = progress.decisions[o.id] ?? {};
        return (
          <section
            key={o.id}
            aria-label={o.title}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{o.title}</h2>
              <span className={`rounded-full border px-2 py-0.5 text-xs ${BAND[line.band]}`}>
                {kind} · {line.text} · {line.label}
              </span>
            </div>
            <ul className="mt-3 flex flex-col gap-3">
              {o.keyResults.map((kr) => {
                const krLine = gradeLine(kr.evaluation.score, kind);
                const need = needOf(kr.evaluation.score, kind);
                const note = progress.notes[kr.id] ?? {};
                return (
                  <li key={kr.id} className="rounded-md border border-slate-100 p-3 text-sm">
                    <div className="flex flex-wrap justify-between gap-2">
                      <span>{kr.title}</span>
                      <span className={`rounded-full border px-2 py-0.5 text-xs ${BAND[krLine.band]}`}>
                        {krLine.text} · {krLine.label}
                        {krLine.mayBeTooSafe ? ' · target may have been too safe' : ''}
                      </span>
                    </div>
                    {need === 'note' ? (
                      <label className="mt-2 block">
                        <span className="mb-1 block text-xs font-medium">
                          Root cause of “{kr.title}” (required)
                        </span>
                        <textarea
                          rows={2}
                          className="block w-full rounded-md border border-slate-300 px-2 py-1"
                          value={note.rootCauseNote ?? ''}
                          onChange={(e) => setNote(kr.id, { rootCauseNote: e.target.value })}
                        />
                      </label>
                    ) : null}
                    {need === 'tag' ? (
                      <label className="mt-2 flex flex-wrap items-center gap-2">
                        <span className="text-xs font-medium">Root cause of “{kr.title}” (below 0.7)</span>
                        <select
                          className="rounded-md border border-slate-300 px-2 py-1"
                          value={note.rootCauseTag ?? ''}
                          onChange={(e) =>
                            setNote(kr.id, { rootCauseTag: e.target.value as RootCauseTag | '' })
                          }
                        >
                          <option value="">Choose one…</option>
                          {ROOT_CAUSE_TAGS.map((t) => (
                            <option key={t.value} value={t.value}>
                              {t.label}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <fieldset className="mt-3">
              <legend className="mb-1 text-sm font-medium">Decision for next cycle</legend>
              <div className="flex flex-wrap gap-4 text-sm">
                {(['continue', 'modify', 'drop'] as const).map((value) => (
                  <label key={value} className="flex items-center gap-1">
                    <input
                      type="radio"
                      name={`decision-${o.id}`}
                      checked={d.decision === value}
                      onChange={() => setDecision(o.id, { decision: value })}
                    />
                    {value === 'continue'
                      ? 'Continue (carried over with today’s values as baselines)'
                      : value === 'modify'
                        ? 'Modify'
                        : 'Drop'}
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="mt-2 block text-sm">
              <span className="mb-1 block font-medium">What we learned from “{o.title}”</span>
              <textarea
                rows={2}
                className="block w-full rounded-md border border-slate-300 px-2 py-1"
                value={d.learned ?? ''}
                onChange={(e) => setDecision(o.id, { learned: e.target.value })}
              />
            </label>
          </section>
        );
      })}
      {goals.length > 0 ? (
        <section aria-labelledby="smart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="smart-heading" className="mb-2 font-semibold">
            SMART goals
          </h2>
          <ul className="flex flex-col gap-3">
            {goals.map((g) => {
              const line = gradeLine(g.evaluation.score, 'committed');
              return (
                <li key={g.id} className="rounded-md border border-slate-100 p-3 text-sm">
                  <div className="flex flex-wrap justify-between gap-2">
                    <span>{g.title}</span>
                    <span className={`rounded-full border px-2 py-0.5 text-xs ${BAND[line.band]}`}>
                      {line.text} · {line.label}
                    </span>
                  </div>
                  {needOf(g.evaluation.score, 'committed') === 'note' ? (
                    <label className="mt-2 block">
                      <span className="mb-1 block text-xs font-medium">
                        Root cause of “{g.title}” (required)
                      </span>
                      <textarea
                        rows={2}
                        className="block w-full rounded-md border border-slate-300 px-2 py-1"
                        value={progress.notes[g.id]?.rootCauseNote ?? ''}
                        onChange={(e) => setNote(g.id, { rootCauseNote: e.target.value })}
                      />
                    </label>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="close-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="close-heading" className="mb-2 font-semibold">
          Close the cycle
        </h2>
        <p className="mb-2 text-xs text-slate-600">
          What you write is kept in this browser as you type (the API stores it only when the cycle closes).
        </p>
        <p className="text-sm" aria-live="polite">
          {missing.length === 0
            ? 'Nothing missing here.'
            : `${missing.length} item${missing.length === 1 ? '' : 's'} still missing here.`}
        </p>
        {failure ? <ErrorNotice error={failure} /> : null}
        {refusal.length > 0 ? (
          <div
            role="alert"
            className="mt-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
          >
            <p className="font-medium">Not closed: {refusal.length} item(s) must be completed first.</p>
            <ul className="mt-1 list-disc pl-5">
              {refusal.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {isAdmin ? (
          <Button className="mt-3" disabled={pending || !!closed} onClick={() => void close()}>
            Close the cycle
          </Button>
        ) : (
          <p className="mt-2 text-sm text-slate-700">An admin closes the cycle once every unit is ready.</p>
        )}
      </section>
    </div>
  );
}
