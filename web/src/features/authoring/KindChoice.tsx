import type { ObjectiveKind } from '../../../../core/settings';

export const VISIBILITIES = [
  { value: 'workspace', label: 'Everyone in the workspace' },
  { value: 'unit', label: 'The unit and the leads above it' },
  { value: 'private', label: 'Private (owner, manager, leads, admins)' },
];

const KINDS: { value: ObjectiveKind; label: string; hint: string }[] = [
  {
    value: 'committed',
    label: 'Committed',
    hint: 'We will do this: expected to reach 1.0; anything lower needs a root cause at close.',
  },
  {
    value: 'aspirational',
    label: 'Aspirational',
    hint: 'A stretch: 0.7 is success, and a 1.0 hints the target was too safe.',
  },
];

/** Committed or aspirational, chosen explicitly: neither is selected until the writer picks one. */
export function KindChoice(props: { value: ObjectiveKind | ''; onChange: (kind: ObjectiveKind) => void }) {
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 text-sm font-medium text-slate-800">Kind (choose one)</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {KINDS.map((k) => (
          <label
            key={k.value}
            className={`flex cursor-pointer gap-2 rounded-md border p-2 text-sm ${props.value === k.value ? 'border-brand-600 bg-indigo-50' : 'border-slate-300'}`}
          >
            <input
              type="radio"
              name="objective-kind"
              value={k.value}
              checked={props.value === k.value}
              onChange={() => props.onChange(k.value)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{k.label}</span>
              <span className="block text-xs text-slate-700">{k.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
