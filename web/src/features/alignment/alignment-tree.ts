import type { Schema } from '../../api/client';
import { isStatus } from '../../lib/status';

export type AlignmentNode = Schema<'AlignmentGraph'>['nodes'][number];
export type HiddenGoals = Schema<'AlignmentGraph'>['hidden'][number];

/** What is known of one node's children: loaded (with the hidden ones counted), or still loading. */
export interface Children {
  nodes: readonly AlignmentNode[];
  /** "2 private goals" under this node, or null. */
  hiddenSummary: string | null;
  isLoading: boolean;
  error?: string | undefined;
}

/** A group at the top (the goals aligned to nothing), whose members load when it is opened. */
export interface TreeGroup {
  id: string;
  title: string;
  nodes: readonly AlignmentNode[];
  isLoading: boolean;
  hasMore: boolean;
}

export type RowKind = 'goal' | 'group' | 'hidden' | 'more' | 'loading' | 'empty';

/** One visible line of the tree, in order; `key` is the path from the top (a goal may appear twice). */
export interface TreeRow {
  key: string;
  kind: RowKind;
  level: number;
  posInSet: number;
  setSize: number;
  parentKey: string | null;
  node?: AlignmentNode;
  text?: string;
  isExpandable: boolean;
  isExpanded: boolean;
  /** The other parents a goal also contributes to (ids), besides the one it is shown under. */
  otherParents: string[];
  /** Aligned to nothing, and not a top-level (company) objective. */
  isOrphan: boolean;
  /** The id whose "load more" this row asks for (a group's id). */
  moreOf?: string;
}

export interface TreeFilter {
  text?: string | undefined;
  status?: string | undefined;
}

export interface TreeInput {
  roots: readonly AlignmentNode[];
  /** Groups shown after the roots (each expandable, loading its members on demand). */
  groups?: readonly TreeGroup[];
  /** Hidden goals at the top ("3 private goals"), or null. */
  hiddenAtTop?: string | null;
  /** Whether the roots have another page. */
  hasMoreRoots?: boolean;
  childrenOf: (id: string) => Children | undefined;
  expanded: ReadonlySet<string>;
  filter?: TreeFilter;
  /** Units at the top of the organisation: their objectives aligned to nothing are not orphans. */
  topUnits: ReadonlySet<string>;
}

/** Whether a goal is aligned to nothing while it should be (anything but a company objective). */
export function isOrphan(node: AlignmentNode, topUnits: ReadonlySet<string>): boolean {
  if (node.parentIds.length > 0 || node.type === 'key_result') return false;
  return !(node.type === 'objective' && node.unitId !== null && topUnits.has(node.unitId));
}

/** Objectives and KRs may have goals aligned below them; SMART goals never do. */
export function canHaveChildren(node: AlignmentNode): boolean {
  return node.type !== 'smart_goal' && node.childCount > 0;
}

function matches(node: AlignmentNode, filter: TreeFilter | undefined): boolean {
  if (!filter) return true;
  const text = filter.text?.trim().toLowerCase();
  if (text && !node.title.toLowerCase().includes(text)) return false;
  if (isStatus(filter.status) && (node.status ?? 'not_started') !== filter.status) return false;
  return true;
}

const isFiltering = (filter: TreeFilter | undefined) =>
  Boolean(filter?.text?.trim()) || isStatus(filter?.status);

/**
 * The visible rows of the alignment tree, depth first: each expanded node's children under it
 * (loaded lazily by the caller), "n private goals" where the viewer may not see some, and a
 * "load more" row where a list has another page. With a filter, a goal stays when it matches or
 * a loaded goal below it does (so the path to every match is kept).
 */
export function buildRows(input: TreeInput): TreeRow[] {
  const filtering = isFiltering(input.filter);

  const nodeRows = (
    nodes: readonly AlignmentNode[],
    level: number,
    parentKey: string | null,
    parentId: string | null,
  ): TreeRow[][] => {
    const out: TreeRow[][] = [];
    for (const node of nodes) {
      const key = parentKey === null ? node.id : `${parentKey}/${node.id}`;
      // A cycle in the data would recurse forever: show a goal once per path.
      if (parentKey?.split('/').includes(node.id)) continue;
      const isExpandable = canHaveChildren(node);
      const isExpanded = isExpandable && input.expanded.has(key);
      const below = isExpanded ? childRows(node.id, level + 1, key) : [];
      if (filtering && !matches(node, input.filter) && !below.some((r) => r.kind === 'goal')) continue;
      const row: TreeRow = {
        key,
        kind: 'goal',
        level,
        posInSet: 0,
        setSize: 0,
        parentKey,
        node,
        isExpandable,
        isExpanded,
        otherParents: node.parentIds.filter((p) => p !== parentId),
        isOrphan: isOrphan(node, input.topUnits),
      };
      out.push([row, ...below]);
    }
    return out;
  };

  const extra = (kind: RowKind, key: string, level: number, parentKey: string | null, text: string) => [
    {
      key,
      kind,
      level,
      posInSet: 0,
      setSize: 0,
      parentKey,
      text,
      isExpandable: false,
      isExpanded: false,
      otherParents: [],
      isOrphan: false,
    } satisfies TreeRow,
  ];

  const childRows = (id: string, level: number, key: string): TreeRow[] => {
    const children = input.childrenOf(id);
    const sets: TreeRow[][] = [];
    if (!children || children.isLoading)
      sets.push(extra('loading', `${key}/#loading`, level, key, 'Loading…'));
    else if (children.error) sets.push(extra('empty', `${key}/#error`, level, key, children.error));
    else {
      sets.push(...nodeRows(children.nodes, level, key, id));
      if (children.hiddenSummary && !filtering)
        sets.push(extra('hidden', `${key}/#hidden`, level, key, children.hiddenSummary));
      if (sets.length === 0 && !filtering)
        sets.push(extra('empty', `${key}/#empty`, level, key, 'Nothing aligned here yet'));
    }
    return number(sets);
  };

  const top: TreeRow[][] = nodeRows(input.roots, 1, null, null);
  if (input.hiddenAtTop && !filtering) top.push(extra('hidden', '#hidden', 1, null, input.hiddenAtTop));
  if (input.hasMoreRoots) top.push(extra('more', '#more', 1, null, 'Load more goals'));
  for (const group of input.groups ?? []) {
    const isExpanded = input.expanded.has(group.id);
    const rows: TreeRow[] = [];
    if (isExpanded) {
      const members = nodeRows(group.nodes, 2, group.id, null);
      if (group.isLoading) members.push(extra('loading', `${group.id}/#loading`, 2, group.id, 'Loading…'));
      else if (group.hasMore)
        members.push(
          extra('more', `${group.id}/#more`, 2, group.id, 'Look further (load the next page)').map((r) => ({
            ...r,
            moreOf: group.id,
          })),
        );
      else if (members.length === 0) members.push(extra('empty', `${group.id}/#empty`, 2, group.id, 'None'));
      rows.push(...number(members));
    }
    top.push([
      {
        key: group.id,
        kind: 'group',
        level: 1,
        posInSet: 0,
        setSize: 0,
        parentKey: null,
        text: group.title,
        isExpandable: true,
        isExpanded,
        otherParents: [],
        isOrphan: false,
      },
      ...rows,
    ]);
  }
  return number(top);
}

/** Flattens sibling sets, numbering each set's first rows (aria-posinset and aria-setsize). */
function number(sets: TreeRow[][]): TreeRow[] {
  const size = sets.length;
  return sets.flatMap((set, i) => {
    const [head, ...rest] = set;
    return head ? [{ ...head, posInSet: i + 1, setSize: size }, ...rest] : [];
  });
}

/**
 * The row focus moves to for a key of the WAI-ARIA tree view pattern, or undefined when the key
 * is not the tree's: Down and Up to the next and previous rows, Home and End, Right into an
 * expanded node's first child, Left to the parent. Expanding and collapsing are the caller's
 * (`toggleFor`).
 */
export function moveFocus(rows: readonly TreeRow[], current: string, key: string): string | undefined {
  const index = rows.findIndex((r) => r.key === current);
  if (index < 0) return rows[0]?.key;
  const row = rows[index]!;
  switch (key) {
    case 'ArrowDown':
      return rows[Math.min(rows.length - 1, index + 1)]?.key;
    case 'ArrowUp':
      return rows[Math.max(0, index - 1)]?.key;
    case 'Home':
      return rows[0]?.key;
    case 'End':
      return rows.at(-1)?.key;
    case 'ArrowRight':
      return row.isExpanded ? (rows[index + 1]?.key ?? current) : current;
    case 'ArrowLeft':
      return row.isExpanded ? current : (row.parentKey ?? current);
    default:
      return undefined;
  }
}

/** Whether Right expands (or Left collapses) the focused row: what to toggle, if anything. */
export function toggleFor(row: TreeRow, key: string): 'expand' | 'collapse' | undefined {
  if (!row.isExpandable) return undefined;
  if (key === 'ArrowRight' && !row.isExpanded) return 'expand';
  if (key === 'ArrowLeft' && row.isExpanded) return 'collapse';
  return undefined;
}

/**
 * The row that has focus when the one asked for is gone: a "loading" row's first loaded child,
 * else the nearest row up its path (a closed parent), else the first row.
 */
export function resolveFocus(rows: readonly TreeRow[], wanted: string | undefined): string | undefined {
  if (wanted === undefined) return rows[0]?.key;
  if (rows.some((r) => r.key === wanted)) return wanted;
  const parts = wanted.split('/');
  if (parts.at(-1) === '#loading') {
    const parent = parts.slice(0, -1).join('/');
    const index = rows.findIndex((r) => r.key === parent);
    if (index >= 0) return rows[index + 1]?.parentKey === parent ? rows[index + 1]!.key : parent;
  }
  for (let n = parts.length - 1; n > 0; n -= 1) {
    const key = parts.slice(0, n).join('/');
    if (rows.some((r) => r.key === key)) return key;
  }
  return rows[0]?.key;
}
