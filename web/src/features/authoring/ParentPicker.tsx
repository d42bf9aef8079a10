import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { cyclesQuery } from '../dashboard/dashboard.queries';
import { alignableQuery } from './authoring.queries';
import type { ParentRef } from './draft';

/**
 * Aligning a goal up: search the cycle's objectives and key results by title and pick one. A goal
 * of a cycle in planning may also align to the active cycle's goals (SPEC 2 lets links cross
 * units and says nothing against crossing cycles; `smart-not-time-bound` judges a SMART goal due
 * after its parent's cycle): those are labelled with their cycle's name.
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
  const cycles = useQuery(cyclesQuery);
  const cycle = cycles.data?.find((c) => c.id === props.cycleId);
  const active = cycle?.state === 'planning' ? cycles.data?.find((c) => c.state === 'active') : undefined;
  const activeGoals = useQuery(alignableQuery(active?.id ?? ''));
  const needle = search.trim().toLowerCase();
  const options: (ParentRef & { cycleName?: string })[] = [];
  const offer = (list: typeof goals.data, cycleName?: string) => {
    for (const o of list ?? []) {
      if (o.id === props.exclude) continue;
      options.push({ type: 'objective', id: o.id, title: o.title, cycleName });
      for (const kr of o.keyResults)
        options.push({ type: 'key_result', id: kr.id, title: kr.title, cycleName });
    }
  };
  offer(goals.data);
  if (active) offer(activeGoals.data, active.name);
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
                  props.onChange({ type: m.type, id: m.id, title: m.title });
                  setSearch('');
                }}
              >
                <span className="mr-2 rounded bg-slate-100 px-1 text-xs text-slate-700">
                  {m.type === 'objective' ? 'Objective' : 'KR'}
                </span>
                {m.title}
                {m.cycleName ? <span className="ml-2 text-xs text-slate-600">({m.cycleName})</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
