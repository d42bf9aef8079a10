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
import { objectiveQuery } from '../goals/goals.queries';
import { alignableQuery } from './authoring.queries';
import { CoachNotes, findingsFor } from './CoachNotes';
import { OBJECTIVE_KEY } from './coach-keys';
import {
  type KeyResultDraft,
  measureDraftOf,
  newKeyResult,
  type ObjectiveDraft,
  type ParentRef,
  parentOfLink,
} from './draft';
import { publishBlock, useEditorContext } from './editor-context';
import { KeyResultCard } from './KeyResultCard';
import { KindChoice, VISIBILITIES } from './KindChoice';
import { ParentPicker } from './ParentPicker';
import { saveObjective } from './save';
import { useCoach } from './use-coach';

export interface WriteSearch {
  id?: string;
  title?: string;
  cycle?: string;
}

/** Writing an objective with its key results (new, or `?id=` to edit), the coach running as you type. */
export function ObjectiveEditorPage() {
  const search = useSearch({ strict: false }) as WriteSearch;
  const { me } = useRouteContext({ from: '/_app' });
  const ctx = useEditorContext(search.cycle ?? '');
  const existing = useQuery({ ...objectiveQuery(search.id ?? ''), enabled: !!search.id });
  const alignable = useQuery(alignableQuery(existing.data?.cycleId ?? ''));
  const title = search.id ? 'Edit objective' : 'Write an objective';
  const error = ctx.error ?? existing.error ?? alignable.error;
  if (error)
    return (
      <Page title={title}>
        <ErrorNotice error={error} />
      </Page>
    );
  const waiting = ctx.isLoading || (search.id && (!existing.data || !alignable.data));
  if (waiting)
    return (
      <Page title={title}>
        <p>Loading…</p>
      </Page>
    );
  let initial: ObjectiveDraft;
  let parent: ParentRef | null = null;
  if (existing.data) {
    const o = existing.data;
    const link = o.alignsTo[0];
    if (link) parent = parentOfLink(alignable.data ?? [], link);
    initial = {
      id: o.id,
      version: o.version,
      cycleId: o.cycleId,
      title: o.title,
      description: o.description ?? '',
      kind: o.kind ?? '',
      unitId: o.unitId ?? '',
      leadId: o.leadId ?? o.ownerId ?? '',
      visibility: o.visibility,
      parent,
      keyResults: o.keyResults.map(
        (kr): KeyResultDraft => ({
          key: kr.id,
          id: kr.id,
          version: kr.version,
          title: kr.title,
          measure: measureDraftOf(kr.measure as Measure | null),
          weight: String(kr.weight),
          cadence: kr.cadence ?? '',
          ownerId: kr.ownerId ?? '',
        }),
      ),
    };
  } else {
    initial = {
      cycleId: search.cycle ?? ctx.defaultCycleId,
      title: search.title ?? '',
      description: '',
      kind: '',
      unitId: '',
      leadId: me.person.id,
      visibility: 'workspace',
      parent: null,
      keyResults: [newKeyResult(me.person.id), newKeyResult(me.person.id)],
    };
  }
  return (
    <Page title={title}>
      <ObjectiveForm initial={initial} previousParent={parent} me={me.person.id} />
    </Page>
  );
}

function ObjectiveForm(props: { initial: ObjectiveDraft; previousParent: ParentRef | null; me: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(props.initial);
  const [removed, setRemoved] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const ctx = useEditorContext(draft.cycleId);
  const peopleListId = useId();
  const coach = useCoach({ kind: 'objective', value: draft }, ctx.coach);
  const set = (patch: Partial<ObjectiveDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setKr = (index: number, kr: KeyResultDraft) =>
    setDraft((d) => ({ ...d, keyResults: d.keyResults.map((k, i) => (i === index ? kr : k)) }));
  const mine = (field: Parameters<typeof findingsFor>[2]) =>
    findingsFor(coach.findings, OBJECTIVE_KEY, field);
  const blocked = publishBlock(coach.findings, ctx.blocksPublishing);
  const kindMissing = draft.kind === '' ? 'Choose committed or aspirational before publishing.' : undefined;

  const save = async (publish: boolean) => {
    if (pending) return;
    if (!draft.title.trim()) {
      setNotice('Give the objective a title first: even a draft needs one.');
      return;
    }
    setPending(true);
    setFailure(undefined);
    setNotice('');
    try {
      const result = await saveObjective(api, draft, {
        publish,
        me: props.me,
        removed,
        previousParent: props.previousParent,
      });
      await queryClient.invalidateQueries({ queryKey: ['objective', result.id] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      await queryClient.invalidateQueries({ queryKey: ['alignable'] });
      await navigate({ to: '/objectives/$objectiveId', params: { objectiveId: result.id } });
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
        void save(false);
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      <fieldset disabled={pending} className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">The objective</legend>
        <SelectField
          label="Cycle"
          options={ctx.cycles.map((c) => ({ value: c.id, label: `${c.name} (${c.state})` }))}
          value={draft.cycleId}
          onChange={(e) => set({ cycleId: e.target.value, parent: null })}
          disabled={!!draft.id}
        />
        <TextField
          label="Title"
          hint="Where to go, in words that rally people; numbers belong in the key results."
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          maxLength={300}
        />
        <CoachNotes findings={mine('title')} onUseWording={(title) => set({ title })} />
        <div className="mb-4">
          <label htmlFor="objective-description" className="mb-1 block text-sm font-medium text-slate-800">
            Description (optional)
          </label>
          <textarea
            id="objective-description"
            rows={2}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </div>
        <KindChoice value={draft.kind} onChange={(kind) => set({ kind })} />
        <CoachNotes findings={mine('kind')} />
        <div className="grid gap-x-3 sm:grid-cols-3">
          <SelectField
            label="Unit"
            options={[
              { value: '', label: 'Personal (mine)' },
              ...ctx.units.map((u) => ({ value: u.id, label: u.name })),
            ]}
            value={draft.unitId}
            onChange={(e) => set({ unitId: e.target.value })}
            disabled={!!draft.id}
          />
          <PersonField
            label="Accountable lead"
            people={ctx.people}
            listId={peopleListId}
            nobody="Nobody yet"
            value={draft.leadId}
            onChange={(leadId) => set({ leadId })}
          />
          <SelectField
            label="Visibility"
            options={VISIBILITIES}
            value={draft.visibility}
            onChange={(e) => set({ visibility: e.target.value as ObjectiveDraft['visibility'] })}
          />
        </div>
        <CoachNotes findings={mine('lead')} />
        <ParentPicker
          cycleId={draft.cycleId}
          value={draft.parent}
          onChange={(parent) => set({ parent })}
          exclude={draft.id}
          label="Aligns to (optional)"
          hint="The objective or key result above this one; a company objective aligns to nothing."
        />
        <CoachNotes findings={mine('parent')} />
      </fieldset>

      <section aria-labelledby="krs-heading" className="flex flex-col gap-3">
        <h2 id="krs-heading" className="text-lg font-semibold">
          Key results
        </h2>
        <CoachNotes findings={mine('keyResults')} />
        {draft.keyResults.map((kr, i) => (
          <KeyResultCard
            key={kr.key}
            index={i}
            value={kr}
            onChange={(next) => setKr(i, next)}
            onRemove={() => {
              if (kr.id) setRemoved((r) => [...r, kr.id!]);
              setDraft((d) => ({ ...d, keyResults: d.keyResults.filter((_, j) => j !== i) }));
            }}
            findings={coach.findings}
            people={ctx.people}
            peopleListId={peopleListId}
          />
        ))}
        <div>
          <Button
            variant="secondary"
            onClick={() => setDraft((d) => ({ ...d, keyResults: [...d.keyResults, newKeyResult(props.me)] }))}
          >
            Add a key result
          </Button>
        </div>
      </section>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.06)]">
        <p aria-live="polite" className="text-sm text-slate-700">
          {notice ||
            (coach.isReady
              ? `Coach: ${coach.findings.length === 0 ? 'no findings' : `${coach.findings.length} finding${coach.findings.length === 1 ? '' : 's'}`}.`
              : '')}
        </p>
        {(blocked ?? kindMissing) ? <p className="text-sm text-amber-900">{blocked ?? kindMissing}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            Save draft
          </Button>
          <Button disabled={pending || !!blocked || draft.kind === ''} onClick={() => void save(true)}>
            Publish
          </Button>
        </div>
      </div>
      <PeopleOptions id={peopleListId} people={ctx.people} />
    </form>
  );
}
