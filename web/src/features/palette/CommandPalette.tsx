import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { Autocomplete } from 'react-aria-components/Autocomplete';
import { Dialog } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { Header, ListBox, ListBoxItem, ListBoxSection, Text } from 'react-aria-components/ListBox';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { TextField } from 'react-aria-components/TextField';
import { api, unwrap } from '../../api/client';
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
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setText('');
      }}
      isDismissable
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-3 pt-[10vh]"
    >
      <Modal className="w-full max-w-xl rounded-lg bg-white shadow-xl outline-none">
        <Dialog aria-labelledby="palette-heading" className="outline-none">
          <Heading id="palette-heading" slot="title" className="sr-only">
            Search and jump
          </Heading>
          <Autocomplete inputValue={text} onInputChange={setText} filter={() => true}>
            <TextField aria-label="Search goals, people and units" className="border-b border-slate-200 p-3">
              <Label className="sr-only">Search goals, people and units</Label>
              <Input
                autoFocus
                role="combobox"
                aria-expanded={count > 0}
                placeholder={`Search goals${goals.cycleName ? ` of ${goals.cycleName}` : ''}, people, units…`}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base text-slate-900"
              />
            </TextField>
            <ListBox
              aria-label="Results"
              className="max-h-[60vh] overflow-y-auto p-2 outline-none"
              onAction={(key) => {
                const item = byId.get(String(key));
                if (item) open(item);
              }}
              renderEmptyState={() => (
                <p className="px-3 py-4 text-sm text-slate-600">
                  {goals.isLoading || directory.isPending ? 'Loading…' : `Nothing matches “${text}”.`}
                </p>
              )}
            >
              {sections.map((section) => (
                <ListBoxSection key={section.kind} id={section.kind} className="mb-2">
                  <Header className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {section.label}
                  </Header>
                  {section.items.map((item) => (
                    <ListBoxItem
                      key={item.id}
                      id={item.id}
                      textValue={item.title}
                      className="cursor-pointer rounded-md px-3 py-2 text-sm outline-none data-[focused]:bg-brand-600 data-[focused]:text-white"
                    >
                      {({ isFocused }) => (
                        <>
                          <Text slot="label" className="block font-medium">
                            {item.title}
                          </Text>
                          <Text
                            slot="description"
                            className={`block text-xs ${isFocused ? 'text-white' : 'text-slate-600'}`}
                          >
                            {item.detail}
                          </Text>
                        </>
                      )}
                    </ListBoxItem>
                  ))}
                </ListBoxSection>
              ))}
            </ListBox>
          </Autocomplete>
          <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
            ↑ ↓ to move · Enter to open · Esc to close
          </p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
