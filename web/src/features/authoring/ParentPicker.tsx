import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { alignableQuery } from './authoring.queries';
import type { ParentRef } from './draft';

/**
 * Aligning a goal up: search the cycle's objectives and key results by title and pick one.
 * `kinds` limits what may be picked (an objective aligns to objectives or KRs; so does a SMART goal).
 */
export function ParentPicker(props: {
  cycleId: string;
  value: ParentRef | null;
  onChange: (parent: ParentRef | null) => void;
  exclude?: string | undefined;
  label: string;
  hint: string;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const goals = useQuery(alignableQuery(props.cycleId));
  const needle = search.trim().toLowerCase();
  const options: ParentRef[] = [];
  for (const o of goals.data ?? []) {
    if (o.id === props.exclude) continue;
    options.push({ type: 'objective', id: o.id, title: o.title });
    for (const kr of o.keyResults) options.push({ type: 'key_result', id: kr.id, title: kr.title });
  }
  const matches = needle ? options.filter((o) => o.title.toLowerCase().includes(needle)).slice(0, 8) : [];
  return (
    <div className="mb-4">
      <label htmlFor={`${id}-search`} className="mb-1 block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.value ? (
        <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span>
            Aligned to the {props.value.type === 'objective' ? 'objective' : 'key result'}{' '}
            <q className="font-medium">{props.value.title}</q>
          </span>
          <button type="button" className="text-brand-700 underline" onClick={() => props.onChange(null)}>
            Remove
          </button>
        </p>
      ) : null}
      <input
        id={`${id}-search`}
        type="search"
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        placeholder="Search objectives and key results"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {props.hint}
      </p>
      {needle ? (
        <ul aria-label="Matching goals" className="mt-1 rounded-md border border-slate-200 bg-white">
          {matches.length === 0 ? (
            <li className="px-3 py-2 text-sm text-slate-600">No goal matches.</li>
          ) : null}
          {matches.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
                onClick={() => {
                  props.onChange(m);
                  setSearch('');
                }}
              >
                <span className="mr-2 rounded bg-slate-100 px-1 text-xs text-slate-700">
                  {m.type === 'objective' ? 'Objective' : 'KR'}
                </span>
                {m.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
