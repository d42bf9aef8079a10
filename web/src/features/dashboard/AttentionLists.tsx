import { Link } from '@tanstack/react-router';
import { StatusBadge } from '../../components/StatusBadge';
import { formatAgo } from '../../lib/format';
import type { Status } from '../../lib/status';
import type { Objective, SmartGoal } from './dashboard.queries';

interface Item {
  id: string;
  kind: 'objective' | 'key_result' | 'smart_goal';
  title: string;
  status: Status;
  ownerId: string | null;
  latestCheckinAt: number | null;
}

function flatten(objectives: Objective[], smartGoals: SmartGoal[]): Item[] {
  const items: Item[] = [];
  for (const o of objectives) {
    items.push({
      id: o.id,
      kind: 'objective',
      title: o.title,
      status: o.evaluation.status ?? 'not_started',
      ownerId: o.ownerId,
      latestCheckinAt: o.latestCheckinAt,
    });
    for (const kr of o.keyResults)
      items.push({
        id: kr.id,
        kind: 'key_result',
        title: kr.title,
        status: kr.evaluation.status ?? 'not_started',
        ownerId: kr.ownerId ?? o.ownerId,
        latestCheckinAt: kr.latestCheckinAt,
      });
  }
  for (const g of smartGoals)
    items.push({
      id: g.id,
      kind: 'smart_goal',
      title: g.title,
      status: g.evaluation.status ?? 'not_started',
      ownerId: g.ownerId,
      latestCheckinAt: g.latestCheckinAt,
    });
  return items;
}

function GoalLink({ item }: { item: Item }) {
  const className = 'text-slate-900 hover:underline';
  if (item.kind === 'objective')
    return (
      <Link to="/objectives/$objectiveId" params={{ objectiveId: item.id }} className={className}>
        {item.title}
      </Link>
    );
  if (item.kind === 'key_result')
    return (
      <Link to="/key-results/$keyResultId" params={{ keyResultId: item.id }} className={className}>
        {item.title}
      </Link>
    );
  return (
    <Link to="/smart-goals/$smartGoalId" params={{ smartGoalId: item.id }} className={className}>
      {item.title}
    </Link>
  );
}

function List(props: {
  id: string;
  title: string;
  items: Item[];
  empty: string;
  names: Map<string, string>;
}) {
  return (
    <section aria-labelledby={props.id} className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 id={props.id} className="mb-2 font-semibold">
        {props.title} <span className="text-sm font-normal text-slate-600">({props.items.length})</span>
      </h2>
      {props.items.length === 0 ? (
        <p className="text-sm text-slate-600">{props.empty}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {props.items.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <GoalLink item={item} />
              <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <StatusBadge status={item.status} />
                {item.ownerId ? (props.names.get(item.ownerId) ?? '') : 'No owner'} ·{' '}
                {formatAgo(item.latestCheckinAt)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What needs attention: at risk or off track, and stale (no check-in for too long). */
export function AttentionLists(props: {
  objectives: Objective[];
  smartGoals: SmartGoal[];
  names: Map<string, string>;
}) {
  const items = flatten(props.objectives, props.smartGoals);
  return (
    <aside className="flex flex-col gap-4" aria-label="Needs attention">
      <List
        id="at-risk-heading"
        title="At risk or off track"
        items={items.filter(
          (i) => i.status === 'at_risk' || i.status === 'off_track' || i.status === 'overdue',
        )}
        empty="Nothing is at risk or off track."
        names={props.names}
      />
      <List
        id="stale-heading"
        title="Stale"
        items={items.filter((i) => i.status === 'stale')}
        empty="Nothing is stale."
        names={props.names}
      />
    </aside>
  );
}
