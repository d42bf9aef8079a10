import type { ReactNode } from 'react';
import { Autocomplete } from 'react-aria-components/Autocomplete';
import { Dialog } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { Header, ListBox, ListBoxItem, ListBoxSection, Text } from 'react-aria-components/ListBox';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { TextField } from 'react-aria-components/TextField';

export interface SearchPaletteSection {
  id: string;
  label: string;
  items: readonly { id: string; title: string; detail: string }[];
}

/**
 * A modal search over sections of results (react-aria): a combobox input with the results as a
 * listbox it controls. Arrows move through the results (virtual focus stays in the input), Enter
 * acts on the one focused, Escape or a click outside closes and returns focus to where it was.
 * The caller filters (`sections` are the results for `query`).
 */
export function SearchPalette(props: {
  title: string;
  label: string;
  placeholder: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  query: string;
  onQueryChange: (query: string) => void;
  sections: readonly SearchPaletteSection[];
  onAction: (id: string) => void;
  empty: ReactNode;
  footer?: ReactNode;
}) {
  const count = props.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <ModalOverlay
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
      isDismissable
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-3 pt-[10vh]"
    >
      <Modal className="w-full max-w-xl rounded-lg bg-white shadow-xl outline-none">
        <Dialog aria-labelledby="search-palette-heading" className="outline-none">
          <Heading id="search-palette-heading" slot="title" className="sr-only">
            {props.title}
          </Heading>
          <Autocomplete inputValue={props.query} onInputChange={props.onQueryChange} filter={() => true}>
            <TextField aria-label={props.label} className="border-b border-slate-200 p-3">
              <Label className="sr-only">{props.label}</Label>
              <Input
                autoFocus
                role="combobox"
                aria-expanded={count > 0}
                placeholder={props.placeholder}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base text-slate-900"
              />
            </TextField>
            <ListBox
              aria-label="Results"
              className="max-h-[60vh] overflow-y-auto p-2 outline-none"
              onAction={(key) => props.onAction(String(key))}
              renderEmptyState={() => <p className="px-3 py-4 text-sm text-slate-600">{props.empty}</p>}
            >
              {props.sections.map((section) => (
                <ListBoxSection key={section.id} id={section.id} className="mb-2">
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
          {props.footer ? (
            <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">{props.footer}</p>
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
