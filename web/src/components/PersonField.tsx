import { useEffect, useId, useRef, useState } from 'react';
import { type Pickable, personLabel, personNamed } from './person-pick';

const INPUT =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-600';

/**
 * The list every person picker of a page offers, rendered once: a large organisation has 10,000
 * people, so one datalist for the page, not one per field.
 */
export function PeopleOptions(props: { id: string; people: readonly Pickable[] }) {
  return (
    <datalist id={props.id}>
      {props.people.map((p) => (
        <option key={p.id} value={personLabel(p)} />
      ))}
    </datalist>
  );
}

/**
 * A labelled person picker: type a name or an email and pick from the page's list
 * (`PeopleOptions`). The value is a person's id; a name two people share is told apart by the email
 * in the label. Text that names nobody is refused when the field is left, and the field goes back
 * to the person it had, saying so: a half-typed name never replaces an owner silently.
 * `nobody` names the empty choice where one is allowed (a KR without an owner yet).
 */
export function PersonField(props: {
  label: string;
  hint?: string;
  people: readonly Pickable[];
  listId: string;
  value: string;
  onChange: (personId: string) => void;
  nobody?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const { people, value, nobody } = props;
  const labelOf = (personId: string) => {
    const p = people.find((person) => person.id === personId);
    return p ? personLabel(p) : '';
  };
  const [text, setText] = useState(() => labelOf(value));
  const [problem, setProblem] = useState<string>();
  // A value set from outside (a draft loaded, an owner picked elsewhere) shows in the field.
  const shown = useRef(value);
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    const p = people.find((person) => person.id === value);
    setText(p ? personLabel(p) : '');
    setProblem(undefined);
  }, [value, people]);
  const pick = (personId: string) => {
    shown.current = personId;
    setProblem(undefined);
    if (personId !== value) props.onChange(personId);
  };
  const described = [props.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id={id}
        className={INPUT}
        list={props.listId}
        autoComplete="off"
        placeholder={nobody ?? 'Type a name or an email'}
        disabled={props.disabled}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const person = personNamed(people, e.target.value);
          if (person) pick(person.id);
          else if (!e.target.value.trim() && nobody !== undefined) pick('');
        }}
        onBlur={() => {
          const typed = text.trim();
          const person = personNamed(people, typed);
          if (person) {
            setText(personLabel(person));
            return;
          }
          if (!typed && nobody !== undefined) return;
          const kept = people.find((p) => p.id === value);
          setProblem(
            `${typed ? `No active person is “${typed}”` : 'Someone must be picked'}: pick one from the list, or type an email. ${kept ? `Still ${kept.name}.` : nobody ? `Still ${nobody.toLocaleLowerCase()}.` : ''}`.trim(),
          );
          setText(labelOf(value));
        }}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {props.hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
