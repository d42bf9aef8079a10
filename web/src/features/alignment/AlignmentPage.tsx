import { useInfiniteQuery, useQueries, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { messageOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FILTER_CONTROL as FILTER, StatusFilter } from '../../components/Filters';
import { Page } from '../../components/Page';
import { cyclesQuery, dashboardQuery, directoryQuery, pickCycle } from '../dashboard/dashboard.queries';
import { AlignmentTree } from './AlignmentTree';
import {
  type AlignmentSearch,
  alignmentChildrenQuery,
  alignmentListQuery,
  objectiveNode,
} from './alignment.queries';
import { type AlignmentNode, buildRows, type Children, type TreeGroup, type TreeRow } from './alignment-tree';

const ORPHANS = '#orphans';
const GOAL_ROUTE = {
  objective: '/objectives/$objectiveId',
  key_result: '/key-results/$keyResultId',
  smart_goal: '/smart-goals/$smartGoalId',
} as const;

/**
 * The alignment tree: company objectives, their KRs, the objectives and SMART goals aligned below
 * them, down to each person's goals; children load when a node is opened. A unit's tree starts
 * from the goals of its subtree that align to nothing inside it.
 */
export function AlignmentPage() {
  const search = useSearch({ from: '/_app/alignment' });
  const navigate = useNavigate({ from: '/alignment' });
  const { data: cycles } = useSuspenseQuery(cyclesQuery);
  const { data: directory } = useSuspenseQuery(directoryQuery);
  const cycle = pickCycle(cycles, search.cycle);
  const setSearch = (key: keyof AlignmentSearch, value: string) =>
    void navigate({
      search: (prev: AlignmentSearch) => ({ ...prev, [key]: value || undefined }),
      replace: true,
    });
  const [text, setText] = useState(search.q ?? '');
  return (
    <Page title="Alignment">
      <form
        aria-label="Tree filters"
        className="mb-4 flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch('q', text);
        }}
      >
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Cycle
          <select
            className={FILTER}
            value={cycle?.id ?? ''}
            onChange={(e) => setSearch('cycle', e.target.value)}
          >
            {cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.state})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          Unit
          <select
            className={FILTER}
            value={search.unit ?? ''}
            onChange={(e) => setSearch('unit', e.target.value)}
          >
            <option value="">Whole company</option>
            {directory.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-48 flex-1 flex-col text-xs font-medium text-slate-700">
          Find a goal
          <input
            type="search"
            className={FILTER}
            value={text}
            placeholder="Words in the title"
            onChange={(e) => {
              setText(e.target.value);
              setSearch('q', e.target.value);
            }}
          />
        </label>
        <StatusFilter value={search.status ?? ''} onChange={(status) => setSearch('status', status)} />
      </form>
      <p id="tree-help" className="mb-2 text-sm text-slate-600">
        Arrow keys move through the tree; Right opens a goal's children and Left closes them; Enter opens the
        goal. Filters look through the goals opened so far.
      </p>
      {cycle ? (
        <Tree
          key={`${cycle.id}:${search.unit ?? ''}`}
          cycleId={cycle.id}
          unitId={search.unit}
          search={search}
          topUnits={new Set(directory.units.filter((u) => u.parentId === null).map((u) => u.id))}
          onOpen={(node) =>
            void navigate({
              to: GOAL_ROUTE[node.type],
              params: { objectiveId: node.id, keyResultId: node.id, smartGoalId: node.id },
            })
          }
        />
      ) : (
        <p>No cycle yet.</p>
      )}
    </Page>
  );
}

function Tree(props: {
  cycleId: string;
  unitId: string | undefined;
  search: AlignmentSearch;
  topUnits: ReadonlySet<string>;
  onOpen: (node: AlignmentNode) => void;
}) {
  const { cycleId, unitId } = props;
  // The company's tree starts from the dashboard's company objectives (one read, usually cached);
  // a unit's from its subtree's goals, a page at a time.
  const company = useQuery({ ...dashboardQuery(cycleId, undefined), enabled: !unitId });
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [focused, setFocused] = useState<string>();
  const isOrphansOpen = expanded.has(ORPHANS);
  const list = useInfiniteQuery({
    ...alignmentListQuery(cycleId, unitId),
    enabled: Boolean(unitId) || isOrphansOpen,
  });
  const listed = useMemo(() => list.data?.pages.flatMap((p) => p.nodes) ?? [], [list.data]);

  // Children of every open node: the last id of each open path.
  const openIds = [...new Set([...expanded].filter((k) => k !== ORPHANS).map((k) => k.split('/').at(-1)!))];
  const childQueries = useQueries({ queries: openIds.map((id) => alignmentChildrenQuery(cycleId, id)) });
  const children = new Map<string, Children>();
  openIds.forEach((id, i) => {
    const q = childQueries[i]!;
    const hidden = q.data?.hidden.reduce((n, h) => n + (h.parentId === id ? h.count : 0), 0) ?? 0;
    children.set(id, {
      nodes: q.data?.nodes ?? [],
      hiddenSummary:
        hidden === 0 ? null : `${hidden} private ${hidden === 1 ? 'goal' : 'goals'} you may not see`,
      isLoading: q.isPending,
      error: q.isError ? messageOf(q.error) : undefined,
    });
  });

  const titles = new Map<string, string>();
  for (const n of listed) titles.set(n.id, n.title);
  for (const o of company.data?.kind === 'company' ? company.data.dashboard.company : []) {
    titles.set(o.id, o.title);
    for (const kr of o.keyResults) titles.set(kr.id, kr.title);
  }
  for (const c of children.values()) for (const n of c.nodes) titles.set(n.id, n.title);

  let roots: AlignmentNode[];
  let groups: TreeGroup[] = [];
  let hiddenAtTop: string | null = null;
  if (unitId) {
    const inList = new Set(listed.map((n) => n.id));
    roots = listed.filter((n) => n.type !== 'key_result' && !n.parentIds.some((p) => inList.has(p)));
    const hidden = list.data?.pages.flatMap((p) => p.hidden).filter((h) => h.parentId === null) ?? [];
    const count = hidden.reduce((n, h) => n + h.count, 0);
    hiddenAtTop = count === 0 ? null : `${count} private ${count === 1 ? 'goal' : 'goals'} you may not see`;
  } else {
    roots = company.data?.kind === 'company' ? company.data.dashboard.company.map(objectiveNode) : [];
    groups = [
      {
        id: ORPHANS,
        title: 'Aligned to nothing (goals below the company with no parent)',
        nodes: listed.filter(
          (n) => n.type !== 'key_result' && n.parentIds.length === 0 && !props.topUnits.has(n.unitId ?? ''),
        ),
        isLoading: list.isFetching,
        hasMore: list.hasNextPage,
      },
    ];
  }

  const rows = buildRows({
    roots,
    groups,
    hiddenAtTop,
    hasMoreRoots: Boolean(unitId) && list.hasNextPage,
    childrenOf: (id) => children.get(id),
    expanded,
    filter: { text: props.search.q, status: props.search.status },
    topUnits: props.topUnits,
  });

  const onToggle = (row: TreeRow, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(row.key);
      else for (const key of current) if (key === row.key || key.startsWith(`${row.key}/`)) next.delete(key);
      return next;
    });
  const onOpen = (row: TreeRow) => {
    if (row.kind === 'more') void list.fetchNextPage();
    else if (row.node) props.onOpen(row.node);
  };

  const rootError = unitId ? list.error : company.error;
  if (rootError) return <ErrorNotice error={rootError} />;
  if (unitId ? list.isPending : company.isPending) return <p className="text-slate-600">Loading the tree…</p>;
  return (
    <AlignmentTree
      rows={rows}
      focused={focused}
      onFocus={setFocused}
      onToggle={onToggle}
      onOpen={onOpen}
      titleOf={(id) => titles.get(id)}
      label="Alignment of goals"
    />
  );
}
