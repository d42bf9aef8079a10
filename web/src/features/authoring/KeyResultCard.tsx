import { SelectField, TextField } from '../../components/Field';
import { PersonField } from '../../components/PersonField';
import type { Pickable } from '../../components/person-pick';
import { CoachNotes, findingsFor } from './CoachNotes';
import type { PlacedFinding } from './coach-run';
import type { KeyResultDraft } from './draft';
import { MeasureFields } from './MeasureFields';

export const CADENCES = [
  { value: '', label: "The workspace's default" },
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Monthly' },
];

/** One key result of the objective being written, with the coach's notes next to each field. */
export function KeyResultCard(props: {
  index: number;
  value: KeyResultDraft;
  onChange: (next: KeyResultDraft) => void;
  onRemove: () => void;
  findings: readonly PlacedFinding[];
  people: readonly Pickable[];
  /** The page's one list of people (PeopleOptions). */
  peopleListId: string;
}) {
  const kr = props.value;
  const set = (patch: Partial<KeyResultDraft>) => props.onChange({ ...kr, ...patch });
  const n = props.index + 1;
  return (
    <section aria-label={`Key result ${n}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="font-medium">Key result {n}</h3>
        <button type="button" className="text-sm text-red-700 underline" onClick={props.onRemove}>
          Remove key result {n}
        </button>
      </div>
      <TextField
        label={`Key result ${n} title`}
        hint="An outcome you can measure: “Raise 7-day activation from 35% to 50%”."
        value={kr.title}
        onChange={(e) => set({ title: e.target.value })}
        maxLength={300}
      />
      <CoachNotes
        findings={findingsFor(props.findings, kr.key, 'title')}
        onUseWording={(title) => set({ title })}
      />
      <MeasureFields
        label={`Key result ${n} measure`}
        value={kr.measure}
        onChange={(measure) => set({ measure })}
      />
      <CoachNotes findings={findingsFor(props.findings, kr.key, 'measure')} />
      <div className="mt-3 grid gap-x-3 sm:grid-cols-3">
        <TextField
          label="Weight"
          hint="Its share of the objective's score (default 1)."
          inputMode="decimal"
          value={kr.weight}
          onChange={(e) => set({ weight: e.target.value })}
        />
        <SelectField
          label="Check-in cadence"
          options={CADENCES}
          value={kr.cadence}
          onChange={(e) => set({ cadence: e.target.value as KeyResultDraft['cadence'] })}
        />
        <PersonField
          label={`Key result ${n} owner`}
          people={props.people}
          listId={props.peopleListId}
          nobody="Nobody yet"
          value={kr.ownerId}
          onChange={(ownerId) => set({ ownerId })}
        />
      </div>
      <CoachNotes findings={findingsFor(props.findings, kr.key, 'owner')} />
    </section>
  );
}
