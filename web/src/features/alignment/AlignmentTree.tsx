import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { formatScore } from '../../lib/format';
import { moveFocus, resolveFocus, type TreeRow, toggleFor } from './alignment-tree';

const TYPE_LABEL = { objective: 'Objective', key_result: 'Key result', smart_goal: 'SMART goal' } as const;
const ROW_HEIGHT = 48;

/**
 * The alignment tree as WAI-ARIA's tree view: one tab stop (the focused row), arrows move,
 * Right opens and Left closes, Home and End, Enter opens the goal (or loads more). Only the rows
 * in view are in the page (TanStack Virtual), each with its level and position in its set.
 */
export function AlignmentTree(props: {
  rows: readonly TreeRow[];
  focused: string | undefined;
  onFocus: (key: string) => void;
  onToggle: (row: TreeRow, open: boolean) => void;
  onOpen: (row: TreeRow) => void;
  titleOf: (id: string) => string | undefined;
  label: string;
}) {
  const { rows } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusedKey = resolveFocus(rows, props.focused);
  const focusedIndex = rows.findIndex((r) => r.key === focusedKey);
  const hasFocusInside = useRef(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  // Focus follows the focused row once it is rendered (it may have been scrolled out of the page).
  useEffect(() => {
    if (!hasFocusInside.current || focusedKey === undefined) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`);
    if (element && document.activeElement !== element) element.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent, row: TreeRow) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (row.kind === 'group' || (event.key === ' ' && row.isExpandable))
        props.onToggle(row, !row.isExpanded);
      else props.onOpen(row);
      return;
    }
    const toggle = toggleFor(row, event.key);
    if (toggle) {
      event.preventDefault();
      props.onToggle(row, toggle === 'expand');
      return;
    }
    const next = moveFocus(rows, row.key, event.key);
    if (next === undefined) return;
    event.preventDefault();
    props.onFocus(next);
    const index = rows.findIndex((r) => r.key === next);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  if (rows.length === 0) return <p className="text-slate-600">No goal matches these filters.</p>;
  return (
    <div
      ref={scrollRef}
      role="tree"
      aria-label={props.label}
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white"
      onFocus={() => {
        hasFocusInside.current = true;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hasFocusInside.current = false;
      }}
    >
      <div role="none" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-key={row.key}
              role="treeitem"
              aria-level={row.level}
              aria-posinset={row.posInSet}
              aria-setsize={row.setSize}
              aria-expanded={row.isExpandable ? row.isExpanded : undefined}
              tabIndex={item.index === Math.max(focusedIndex, 0) ? 0 : -1}
              className="absolute left-0 top-0 w-full cursor-pointer border-b border-slate-100 py-1.5 pr-3 outline-none hover:bg-slate-50 focus-visible:bg-slate-50"
              style={{
                transform: `translateY(${item.start}px)`,
                paddingLeft: `${0.5 + (row.level - 1) * 1.25}rem`,
              }}
              onKeyDown={(event) => onKeyDown(event, row)}
              onClick={(event) => {
                props.onFocus(row.key);
                const isToggle = (event.target as HTMLElement).closest('[data-toggle]');
                if (row.kind === 'group' || (isToggle && row.isExpandable))
                  props.onToggle(row, !row.isExpanded);
                else props.onOpen(row);
              }}
            >
              <RowContent row={row} titleOf={props.titleOf} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function RowContent({ row, titleOf }: { row: TreeRow; titleOf: (id: string) => string | undefined }) {
  const chevron = (
    <span
      data-toggle
      aria-hidden="true"
      className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-200"
    >
      {row.isExpandable ? (row.isExpanded ? '▾' : '▸') : ''}
    </span>
  );
  if (row.kind !== 'goal' || !row.node)
    return (
      <div className="flex min-h-8 items-center gap-1 text-sm">
        {chevron}
        <span
          className={
            row.kind === 'group'
              ? 'font-medium text-slate-900'
              : row.kind === 'more'
                ? 'text-brand-700 underline'
                : 'text-slate-600 italic'
          }
        >
          {row.text}
        </span>
      </div>
    );
  const node = row.node;
  const others = row.otherParents.map((id) => titleOf(id) ?? 'another goal');
  return (
    <div className="flex min-h-8 flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
      {chevron}
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700">
        {TYPE_LABEL[node.type]}
      </span>
      <span className="min-w-0 flex-1 basis-48 font-medium text-slate-900">{node.title}</span>
      <StatusBadge status={node.status} />
      <span className="w-10 text-right text-xs tabular-nums text-slate-700">{formatScore(node.score)}</span>
      {row.isOrphan ? (
        <span className="rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-950">
          Aligned to nothing
        </span>
      ) : null}
      {others.length > 0 ? (
        <span className="basis-full pl-8 text-xs text-slate-600">
          {row.level === 1 ? 'Contributes to' : 'Also contributes to'} {others.join(', ')}
        </span>
      ) : null}
    </div>
  );
}
