import { Link } from '@tanstack/react-router';
import type { CascadeUnit, PlannedCascade, PlannedGoal, PlanState } from './plan';

const STATE: Record<PlanState, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'bg-slate-100 text-slate-800' },
  ready: { label: 'Published', className: 'bg-emerald-50 text-emerald-900' },
  carried_over: { label: 'Carried over', className: 'bg-sky-50 text-sky-900' },
  dropped: { label: 'Dropped', className: 'bg-slate-100 text-slate-600 line-through' },
};

const TYPE = { objective: 'Objective', key_result: 'KR', smart_goal: 'SMART goal' } as const;

/** The planned cascade as nested lists: units from the company down, each with its goals. */
export function PlannedCascadeView(props: { cascade: PlannedCascade; people: ReadonlyMap<string, string> }) {
  const { cascade } = props;
  const isEmpty = cascade.counts.objectives + cascade.counts.smartGoals === 0;
  return (
    <section aria-labelledby="cascade-heading">
      <h2 id="cascade-heading" className="mb-2 text-lg font-semibold">
        The planned cascade
      </h2>
      {isEmpty ? (
        <p className="text-sm text-slate-700">Nothing planned yet: draft an objective or a SMART goal.</p>
      ) : null}
      <ul aria-label="Units" className="flex flex-col gap-3">
        {cascade.roots.map((u) => (
          <UnitNode key={u.unit.id} node={u} people={props.people} level={3} />
        ))}
      </ul>
      {cascade.personal.length > 0 ? (
        <div className="mt-3 rounded-lg border border-slate-200 bg-white p-3">
          <h3 className="font-semibold">Personal goals</h3>
          <GoalList goals={cascade.personal} people={props.people} label="Personal goals" />
        </div>
      ) : null}
    </section>
  );
}

function hasGoals(node: CascadeUnit): boolean {
  return node.goals.length > 0 || node.units.some(hasGoals);
}

function UnitNode(props: { node: CascadeUnit; people: ReadonlyMap<string, string>; level: number }) {
  const { node } = props;
  if (!hasGoals(node)) return null;
  const Heading = props.level <= 3 ? 'h3' : props.level === 4 ? 'h4' : 'h5';
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <Heading className="font-semibold">{node.unit.name}</Heading>
      {node.goals.length > 0 ? (
        <GoalList goals={node.goals} people={props.people} label={`Goals of ${node.unit.name}`} />
      ) : null}
      {node.units.some(hasGoals) ? (
        <ul aria-label={`Units in ${node.unit.name}`} className="mt-2 flex flex-col gap-2 sm:pl-4">
          {node.units.map((u) => (
            <UnitNode key={u.unit.id} node={u} people={props.people} level={props.level + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function GoalList(props: {
  goals: readonly PlannedGoal[];
  people: ReadonlyMap<string, string>;
  label: string;
}) {
  return (
    <ul aria-label={props.label} className="mt-1 flex flex-col gap-1">
      {props.goals.map((g) => (
        <GoalRow key={g.id} goal={g} people={props.people} />
      ))}
    </ul>
  );
}

const pathOf = (goal: PlannedGoal) =>
  goal.type === 'objective'
    ? ({ to: '/objectives/$objectiveId', params: { objectiveId: goal.id } } as const)
    : goal.type === 'key_result'
      ? ({ to: '/key-results/$keyResultId', params: { keyResultId: goal.id } } as const)
      : ({ to: '/smart-goals/$smartGoalId', params: { smartGoalId: goal.id } } as const);

function GoalRow(props: { goal: PlannedGoal; people: ReadonlyMap<string, string> }) {
  const { goal } = props;
  const state = STATE[goal.state];
  const owner = goal.ownerId ? (props.people.get(goal.ownerId) ?? 'someone') : 'nobody yet';
  return (
    <li data-goal={goal.id} className={goal.type === 'key_result' ? 'pl-3 sm:pl-5' : ''}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 border-t border-slate-100 py-1.5 text-sm">
        <span className="rounded bg-slate-100 px-1 text-xs text-slate-700">{TYPE[goal.type]}</span>
        <Link {...pathOf(goal)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {goal.title}
        </Link>
        {goal.type !== 'key_result' || goal.state === 'carried_over' ? (
          <span className={`rounded-full px-2 text-xs ${state.className}`}>{state.label}</span>
        ) : null}
        <span className="text-xs text-slate-700">owner: {owner}</span>
        <CoachCount goal={goal} />
        {goal.baseline ? (
          <span className="text-xs text-sky-900">
            baseline {goal.baseline.before ?? '–'} → {goal.baseline.after ?? 'to set'}
          </span>
        ) : null}
        {goal.type === 'key_result' ? null : goal.parent ? (
          <span className="text-xs text-slate-700">
            aligns to <q>{goal.parent.title ?? 'a goal you cannot see'}</q>
          </span>
        ) : goal.isOrphan ? (
          <span className="rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-950">
            Orphan: aligns to nothing
          </span>
        ) : (
          <span className="text-xs text-slate-600">company goal</span>
        )}
      </div>
      {goal.children.length > 0 ? (
        <ul aria-label={`Below ${goal.title}`} className="flex flex-col">
          {goal.children.map((c) => (
            <GoalRow key={c.id} goal={c} people={props.people} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function CoachCount({ goal }: { goal: PlannedGoal }) {
  const { errors, warnings } = goal.coach;
  if (errors + warnings === 0) return <span className="text-xs text-emerald-800">coach: no issues</span>;
  return (
    <span className="text-xs">
      coach:{' '}
      {errors > 0 ? (
        <span className="font-medium text-red-800">
          {errors} error{errors === 1 ? '' : 's'}
        </span>
      ) : null}
      {errors > 0 && warnings > 0 ? ', ' : null}
      {warnings > 0 ? (
        <span className="text-amber-900">
          {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
      ) : null}
    </span>
  );
}
