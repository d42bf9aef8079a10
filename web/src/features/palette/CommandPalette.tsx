import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { SearchPalette } from '../../components/SearchPalette';
import { alignableQuery } from '../authoring/authoring.queries';
import { cyclesQuery, directoryQuery, pickCycle } from '../dashboard/dashboard.queries';
import { actionItems, type PaletteItem, searchPalette, sourceItems } from './palette';

/** The active cycle's goals the viewer can see, for the palette (the API filters by visibility). */
function usePaletteGoals() {
  const cycles = useQuery(cyclesQuery);
  const cycle = pickCycle(cycles.data ?? [], undefined);
  const query = { cycle: cycle?.id ?? '', limit: 500 };
  const objectives = useQuery({ ...alignableQuery(cycle?.id ?? ''), staleTime: 30_000 });
  const smartGoals = useQuery({
    queryKey: ['palette', 'smart-goals', cycle?.id ?? ''],
    queryFn: async () => (await unwrap(api.GET('/api/v1/smart-goals', { params: { query } }))).items,
    enabled: cycle !== undefined,
    staleTime: 30_000,
  });
  return {
    cycleName: cycle?.name,
    objectives: objectives.data ?? [],
    smartGoals: smartGoals.data ?? [],
    isLoading: cycles.isPending || objectives.isPending || smartGoals.isPending,
  };
}

/**
 * The command palette (Ctrl+K or ⌘K, or the shell's "Search" button): type to find the goals of
 * the current cycle, people and units the viewer can see, or jump to check-in, the dashboard or
 * writing a goal. A modal dialog with a combobox over a listbox: arrows move through the results,
 * Enter opens one, Escape closes and gives focus back to where it was.
 */
export default function CommandPalette({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { me } = useRouteContext({ from: '/_app' });
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const directory = useQuery({ ...directoryQuery, enabled: isOpen });
  const goals = usePaletteGoals();
  const items = useMemo(
    () => [
      ...actionItems(me.person.role === 'admin'),
      ...sourceItems({
        objectives: goals.objectives,
        smartGoals: goals.smartGoals,
        people: directory.data?.people ?? [],
        units: directory.data?.units ?? [],
      }),
    ],
    [me.person.role, goals.objectives, goals.smartGoals, directory.data],
  );
  const sections = searchPalette(items, text);
  const byId = new Map(items.map((i) => [i.id, i]));
  const open = (item: PaletteItem) => {
    onOpenChange(false);
    setText('');
    void navigate(item.target as Parameters<typeof navigate>[0]);
  };
  return (
    <SearchPalette
      title="Search and jump"
      label="Search goals, people and units"
      placeholder={`Search goals${goals.cycleName ? ` of ${goals.cycleName}` : ''}, people, units…`}
      isOpen={isOpen}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setText('');
      }}
      query={text}
      onQueryChange={setText}
      sections={sections.map((s) => ({ id: s.kind, label: s.label, items: s.items }))}
      onAction={(id) => {
        const item = byId.get(id);
        if (item) open(item);
      }}
      empty={goals.isLoading || directory.isPending ? 'Loading…' : `Nothing matches “${text}”.`}
      footer="↑ ↓ to move · Enter to open · Esc to close"
    />
  );
}
