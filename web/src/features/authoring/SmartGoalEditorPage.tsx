import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { Measure } from '../../../../core/measure';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { PeopleOptions, PersonField } from '../../components/PersonField';
import { smartGoalQuery } from '../goals/goals.queries';
import { alignableQuery } from './authoring.queries';
import { CoachNotes, findingsFor } from './CoachNotes';
import { SMART_KEY } from './coach-keys';
import { measureDraftOf, type ParentRef, parentOfLink, type SmartGoalDraft } from './draft';
import { publishBlock, useEditorContext } from './editor-context';
import { CADENCES } from './KeyResultCard';
import { VISIBILITIES } from './KindChoice';
import { MeasureFields } from './MeasureFields';
import type { WriteSearch } from './ObjectiveEditorPage';
import { ParentPicker } from './ParentPicker';
import { saveSmartGoal } from './save';
import { useCoach } from './use-coach';

/** Writing a SMART goal (new, or `?id=` to edit), the coach running as you type. */
export function SmartGoalEditorPage() {
  const search = useSearch({ strict: false }) as WriteSearch;
  const { me } = useRouteContext({ from: '/_app' });
  const ctx = useEditorContext(search.cycle ?? '');
  const existing = useQuery({ ...smartGoalQuery(search.id ?? ''), enabled: !!search.id });
  const alignable = useQuery(alignableQuery(existing.data?.cycleId ?? ''));
  const title = search.id ? 'Edit SMART goal' : 'Write a SMART goal';
  const error = ctx.error ?? existing.error ?? alignable.error;
  if (error)
    return (
      <Page title={title}>
        <ErrorNotice error={error} />
      </Page>
    );
  if (ctx.isLoading || (search.id && (!existing.data || !alignable.data)))
    return (
      <Page title={title}>
        <p>Loading…</p>
      </Page>
    );
  let initial: SmartGoalDraft;
  let parent: ParentRef | null = null;
  if (existing.data) {
    const g = existing.data;
    const link = g.supports[0];
    if (link) parent = parentOfLink(alignable.data ?? [], link);
    initial = {
      id: g.id,
      version: g.version,
      cycleId: g.cycleId,
      title: g.title,
      definitionOfDone: g.definitionOfDone ?? '',
      ownerId: g.ownerId,
      unitId: g.unitId ?? '',
      measure: measureDraftOf(g.measure as Measure | null),
      startDate: g.startDate,
      dueDate: g.dueDate,
      achievability: g.achievability ?? '',
      visibility: g.visibility,
      cadence: g.cadence ?? '',
      parent,
    };
  } else {
    const cycleId = search.cycle ?? ctx.defaultCycleId;
    const cycle = ctx.cycles.find((c) => c.id === cycleId);
    const today = new Date().toISOString().slice(0, 10);
    initial = {
      cycleId,
      title: search.title ?? '',
      definitionOfDone: '',
      ownerId: me.person.id,
      unitId: '',
      measure: { ...measureDraftOf(null), type: 'boolean' },
      startDate: cycle && cycle.startDate > today ? cycle.startDate : today,
      dueDate: '',
      achievability: '',
      visibility: 'workspace',
      cadence: '',
      parent: null,
    };
  }
  return (
    <Page title={title}>
      <SmartGoalForm initial={initial} previousParent={parent} state={existing.data?.state} />
    </Page>
  );
}

function SmartGoalForm(props: {
  initial: SmartGoalDraft;
  previousParent: ParentRef | null;
  /** The stored state; undefined for a new goal. A new goal or a draft can be saved as a draft or published. */
  state?: string | undefined;
}) {
  const isDraftable = props.state === undefined || props.state === 'draft';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(props.initial);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const ctx = useEditorContext(draft.cycleId);
  const peopleListId = useId();
  const coach = useCoach({ kind: 'smart', value: draft }, ctx.coach);
  const set = (patch: Partial<SmartGoalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const mine = (field: Parameters<typeof findingsFor>[2]) => findingsFor(coach.findings, SMART_KEY, field);
  const blocked = publishBlock(coach.findings, ctx.blocksPublishing);

  const save = async (publish: boolean) => {
    if (pending) return;
    if (!draft.title.trim() || !draft.startDate || !draft.dueDate) {
      setNotice('A SMART goal needs a title, a start date and a due date before it can be saved.');
      return;
    }
    setPending(true);
    setFailure(undefined);
    setNotice('');
    try {
      const result = await saveSmartGoal(api, draft, { previousParent: props.previousParent, publish });
      await queryClient.invalidateQueries({ queryKey: ['smart_goal', result.id] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      await navigate({ to: '/smart-goals/$smartGoalId', params: { smartGoalId: result.id } });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save(!isDraftable);
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      <fieldset disabled={pending} className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">The SMART goal</legend>
        <SelectField
          label="Cycle"
          options={ctx.cycles.map((c) => ({ value: c.id, label: `${c.name} (${c.state})` }))}
          value={draft.cycleId}
          onChange={(e) => set({ cycleId: e.target.value, parent: null })}
          disabled={!!draft.id}
        />
        <TextField
          label="Title"
          hint="Specific: the concrete result, “Cut the signup form from 9 fields to 4 by 15 Nov”."
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          maxLength={300}
        />
        <CoachNotes findings={mine('title')} onUseWording={(title) => set({ title })} />
        <TextField
          label="Definition of done"
          hint="Measurable: how anyone can tell it is done."
          value={draft.definitionOfDone}
          onChange={(e) => set({ definitionOfDone: e.target.value })}
        />
        <CoachNotes findings={mine('definitionOfDone')} />
        <MeasureFields label="Measure" value={draft.measure} onChange={(measure) => set({ measure })} />
        <CoachNotes findings={mine('measure')} />
        <div className="mt-3 grid gap-x-3 sm:grid-cols-2">
          <TextField
            label="Start date"
            type="date"
            value={draft.startDate}
            onChange={(e) => set({ startDate: e.target.value })}
          />
          <TextField
            label="Due date"
            type="date"
            hint="Time-bound: inside the cycle of what it supports."
            value={draft.dueDate}
            onChange={(e) => set({ dueDate: e.target.value })}
          />
        </div>
        <CoachNotes findings={mine('dueDate')} />
        <TextField
          label="Achievability note (optional)"
          hint="Achievable: why this is doable in time, or what will make it so."
          value={draft.achievability}
          onChange={(e) => set({ achievability: e.target.value })}
        />
        <div className="grid gap-x-3 sm:grid-cols-3">
          <PersonField
            label="Owner"
            people={ctx.people}
            listId={peopleListId}
            value={draft.ownerId}
            onChange={(ownerId) => set({ ownerId })}
            disabled={!!draft.id}
          />
          <SelectField
            label="Check-in cadence"
            options={CADENCES}
            value={draft.cadence}
            onChange={(e) => set({ cadence: e.target.value as SmartGoalDraft['cadence'] })}
          />
          <SelectField
            label="Visibility"
            options={VISIBILITIES}
            value={draft.visibility}
            onChange={(e) => set({ visibility: e.target.value as SmartGoalDraft['visibility'] })}
          />
        </div>
        <CoachNotes findings={mine('owner')} />
        <ParentPicker
          cycleId={draft.cycleId}
          value={draft.parent}
          onChange={(parent) => set({ parent })}
          label="Supports (relevant)"
          hint="The key result or objective this goal moves."
        />
        <CoachNotes findings={mine('parent')} />
      </fieldset>
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.06)]">
        <p aria-live="polite" className="text-sm text-slate-700">
          {notice ||
            (coach.isReady
              ? `Coach: ${coach.findings.length === 0 ? 'no findings' : `${coach.findings.length} finding${coach.findings.length === 1 ? '' : 's'}`}.`
              : '')}
        </p>
        {blocked ? <p className="text-sm text-amber-900">{blocked}</p> : null}
        {isDraftable ? (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              Save draft
            </Button>
            <Button disabled={pending || !!blocked} onClick={() => void save(true)}>
              Publish
            </Button>
          </div>
        ) : (
          <div>
            <Button type="submit" disabled={pending}>
              Save
            </Button>
          </div>
        )}
      </div>
      <PeopleOptions id={peopleListId} people={ctx.people} />
    </form>
  );
}
