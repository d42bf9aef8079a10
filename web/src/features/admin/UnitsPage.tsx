import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { firstMatches } from '../../api/pages';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { personLabel, personNamed } from '../../components/person-pick';
import { AdminNav } from './AdminGate';
import { type Person, peopleQuery, type UnitSummary, unitQuery, unitsQuery } from './admin.queries';

/** Rows shown at a time: a large organisation has 1,000 units. */
const PAGE = 50;

/** Units in tree order with their depth: parents before children, siblings by name. */
export function treeOrder<U extends UnitSummary>(units: readonly U[]): { unit: U; depth: number }[] {
  const children = new Map<string | null, U[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: U; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Every unit below `id`, itself included: where it may not move. */
function subtree(units: readonly UnitSummary[], id: string): Set<string> {
  const inside = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) {
        inside.add(u.id);
        grew = true;
      }
  }
  return inside;
}

/** The organisation tree (SPEC 2): create units, move them, name their leads. Admins only. */
export function UnitsPage() {
  const units = useQuery(unitsQuery);
  const people = useQuery(peopleQuery);
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [pending, setPending] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setPending(true);
    setFailure(undefined);
    try {
      await call();
      // The list and every unit's own read (their keys start with the list's).
      await queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  const [query, setQuery] = useState('');
  const [shownCount, setShownCount] = useState(PAGE);
  const list = units.data ?? [];
  const ordered = useMemo(() => treeOrder(list), [list]);
  const options = ordered.map(({ unit, depth }) => ({
    value: unit.id,
    label: `${'— '.repeat(depth)}${unit.name}`,
  }));
  const { shown, matching } = firstMatches(ordered, query, ({ unit }) => [unit.name], shownCount);
  const peopleListId = useId();
  const activePeople = (people.data ?? []).filter((p) => p.isActive);
  return (
    <Page title="Units">
      <AdminNav />
      {failure ? <ErrorNotice error={failure} /> : null}
      {units.isError ? <ErrorNotice error={units.error} onRetry={() => void units.refetch()} /> : null}
      <form
        className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void run(async () => {
            await unwrap(
              api.POST('/api/v1/units', { body: { name: name.trim(), parentId: parentId || null } }),
            );
            setName('');
          });
        }}
      >
        <h2 className="mb-3 font-semibold">Create a unit</h2>
        <fieldset disabled={pending} className="grid gap-x-3 sm:grid-cols-2">
          <TextField label="Unit name" required value={name} onChange={(e) => setName(e.target.value)} />
          <SelectField
            label="Parent unit"
            options={[{ value: '', label: 'None: the company (root)' }, ...options]}
            value={parentId}
            onChange={(e) => setParentId(e.target.value)}
          />
        </fieldset>
        <Button type="submit" disabled={pending}>
          Create unit
        </Button>
      </form>
      <section aria-labelledby="tree-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tree-heading" className="mb-3 font-semibold">
          The organisation
        </h2>
        {list.length === 0 && units.isSuccess ? <p className="text-sm text-slate-600">No unit yet.</p> : null}
        {list.length > PAGE ? (
          <TextField
            label="Find a unit"
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setShownCount(PAGE);
            }}
          />
        ) : null}
        {query.trim() && matching === 0 ? (
          <p className="text-sm text-slate-600">No unit is named like “{query.trim()}”.</p>
        ) : null}
        {/* One list of active people for every row's lead picker (10,000 options once, not per row). */}
        <datalist id={peopleListId}>
          {activePeople.map((p) => (
            <option key={p.id} value={personLabel(p)} />
          ))}
        </datalist>
        <ul className="flex flex-col divide-y divide-slate-100">
          {shown.map(({ unit, depth }) => (
            <UnitRow
              key={unit.id}
              unit={unit}
              depth={depth}
              people={people.data ?? []}
              peopleListId={peopleListId}
              moveOptions={options.filter((o) => !subtree(list, unit.id).has(o.value))}
              disabled={pending}
              run={run}
            />
          ))}
        </ul>
        {matching > shown.length ? (
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <span>
              Showing {shown.length} of {matching} units
            </span>
            <Button variant="secondary" onClick={() => setShownCount((n) => n + PAGE)}>
              Show {Math.min(PAGE, matching - shown.length)} more
            </Button>
          </div>
        ) : null}
      </section>
    </Page>
  );
}

function UnitRow(props: {
  unit: UnitSummary;
  depth: number;
  people: readonly Person[];
  peopleListId: string;
  moveOptions: { value: string; label: string }[];
  disabled: boolean;
  run: (call: () => Promise<unknown>) => Promise<void>;
}) {
  const { unit } = props;
  const detail = useQuery(unitQuery(unit.id));
  const leads = detail.data?.leads ?? [];
  const members = detail.data?.members.length;
  const [leadText, setLeadText] = useState('');
  const [leadProblem, setLeadProblem] = useState<string>();
  const name = (id: string) => props.people.find((p) => p.id === id)?.name ?? 'someone';
  const addLead = () => {
    const person = personNamed(
      props.people.filter((p) => p.isActive),
      leadText,
    );
    if (!person) {
      setLeadProblem(
        leadText.trim()
          ? `No active person is “${leadText.trim()}”: pick one from the list, or type an email.`
          : 'Type a name or an email first.',
      );
      return;
    }
    if (leads.includes(person.id)) {
      setLeadProblem(`${person.name} already leads ${unit.name}.`);
      return;
    }
    setLeadProblem(undefined);
    void props.run(async () => {
      await unwrap(
        api.PUT('/api/v1/units/{id}/members/{personId}', {
          params: { path: { id: unit.id, personId: person.id } },
          body: { isLead: true },
        }),
      );
      setLeadText('');
    });
  };
  return (
    <li className="py-3 text-sm" style={{ paddingLeft: `${Math.min(props.depth, 6) * 1.25}rem` }}>
      <p className="font-medium">{unit.name}</p>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2">
          <span className="text-slate-700">Parent</span>
          <select
            className="rounded-md border border-slate-300 px-2 py-1"
            value={unit.parentId ?? ''}
            disabled={props.disabled}
            aria-label={`Parent of ${unit.name}`}
            onChange={(e) =>
              void props.run(() =>
                unwrap(
                  api.PATCH('/api/v1/units/{id}', {
                    params: { path: { id: unit.id } },
                    body: { parentId: e.target.value || null },
                  }),
                ),
              )
            }
          >
            <option value="">None (root)</option>
            {props.moveOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <span className="text-slate-700">
          Leads: {detail.isPending ? '…' : leads.length === 0 ? 'none' : null}
          {leads.map((id) => (
            <span key={id} className="mr-2 inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5">
              {name(id)}
              <button
                type="button"
                className="text-red-700"
                aria-label={`Remove ${name(id)} as lead of ${unit.name}`}
                disabled={props.disabled}
                onClick={() =>
                  void props.run(() =>
                    unwrap(
                      api.PUT('/api/v1/units/{id}/members/{personId}', {
                        params: { path: { id: unit.id, personId: id } },
                        body: { isLead: false },
                      }),
                    ),
                  )
                }
              >
                ×
              </button>
            </span>
          ))}
        </span>
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            addLead();
          }}
        >
          <label className="flex items-center gap-2">
            <span className="sr-only">Add a lead to {unit.name}</span>
            <input
              className="w-56 rounded-md border border-slate-300 px-2 py-1"
              list={props.peopleListId}
              placeholder="Add a lead: name or email"
              value={leadText}
              disabled={props.disabled}
              aria-invalid={leadProblem ? true : undefined}
              onChange={(e) => {
                setLeadText(e.target.value);
                setLeadProblem(undefined);
              }}
            />
          </label>
          <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1" disabled={props.disabled}>
            Add lead<span className="sr-only"> to {unit.name}</span>
          </Button>
          {leadProblem ? (
            <span role="alert" className="basis-full text-xs text-red-800">
              {leadProblem}
            </span>
          ) : null}
        </form>
        <span className="text-xs text-slate-600">
          {members === undefined ? '' : `${members} ${members === 1 ? 'member' : 'members'}`}
        </span>
      </div>
    </li>
  );
}
