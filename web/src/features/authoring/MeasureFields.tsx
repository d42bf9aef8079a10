import { useId } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { MEASURE_TYPES, type MeasureDraft, type MeasureKind, measureOf } from './draft';

/** The measure of a KR or SMART goal: its type (SPEC 3.1) and the fields that type needs. */
export function MeasureFields(props: {
  value: MeasureDraft;
  onChange: (next: MeasureDraft) => void;
  label: string;
}) {
  const id = useId();
  const m = props.value;
  const { problems } = measureOf(m);
  const set = (patch: Partial<MeasureDraft>) => props.onChange({ ...m, ...patch });
  const number = (field: 'start' | 'target' | 'threshold' | 'low' | 'high', label: string) => (
    <TextField
      label={label}
      inputMode="decimal"
      value={m[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      error={problems[field]}
    />
  );
  const type = MEASURE_TYPES.find((t) => t.value === m.type);
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{props.label}</legend>
      <SelectField
        label="Measure type"
        value={m.type}
        onChange={(e) => set({ type: e.target.value as MeasureKind | '' })}
        options={[{ value: '', label: 'Not decided yet (a draft)' }, ...MEASURE_TYPES]}
        aria-describedby={`${id}-type-hint`}
      />
      <p id={`${id}-type-hint`} className="-mt-3 mb-3 text-xs text-slate-600">
        {type
          ? type.hint
          : 'A goal without a measure saves as a draft: it has no progress until it gets one.'}
      </p>
      <div className="grid gap-x-3 sm:grid-cols-3">
        {m.type === 'increase' || m.type === 'decrease' ? (
          <>
            {number('start', 'Start (today)')}
            {number('target', 'Target')}
          </>
        ) : null}
        {m.type === 'at_least' || m.type === 'at_most' ? number('threshold', 'Threshold') : null}
        {m.type === 'between' ? (
          <>
            {number('low', 'Low')}
            {number('high', 'High')}
          </>
        ) : null}
        {m.type !== '' && m.type !== 'milestones' && m.type !== 'boolean' ? (
          <TextField
            label="Unit"
            hint="%, ms, $, users…"
            value={m.unit}
            onChange={(e) => set({ unit: e.target.value })}
            maxLength={40}
          />
        ) : null}
      </div>
      {m.type === 'milestones' ? (
        <div className="mb-2">
          <label htmlFor={`${id}-milestones`} className="mb-1 block text-sm font-medium text-slate-800">
            Milestones, one per line
          </label>
          <textarea
            id={`${id}-milestones`}
            rows={4}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={m.milestones}
            onChange={(e) => set({ milestones: e.target.value })}
            aria-describedby={`${id}-milestones-hint`}
          />
          <p id={`${id}-milestones-hint`} className="mt-1 text-xs text-slate-600">
            Each counts 1; write “Name | 2” to weigh one double.
          </p>
          {problems.milestones ? <p className="mt-1 text-sm text-red-700">{problems.milestones}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
