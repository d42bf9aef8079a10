import { lazy, Suspense, useEffect, useState } from 'react';

const loadPalette = () => import('../features/palette/CommandPalette');
const CommandPalette = lazy(loadPalette);

/** Whether a key press asks for the palette: Ctrl+K, or ⌘K on a Mac. */
export const isPaletteShortcut = (
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';

/**
 * The shell's "Search" button and the Ctrl+K / ⌘K shortcut. The palette itself is a lazy chunk,
 * fetched when the button is hovered or focused, or on first use, so the first load stays small.
 */
export function PaletteLauncher() {
  const [isOpen, setOpen] = useState(false);
  const [isWanted, setWanted] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPaletteShortcut(e)) return;
      e.preventDefault();
      setWanted(true);
      setOpen((open) => !open);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <>
      <button
        type="button"
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50"
        onPointerEnter={() => void loadPalette()}
        onFocus={() => void loadPalette()}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        Search
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs text-slate-600">
          {isMac ? '⌘K' : 'Ctrl K'}
        </kbd>
      </button>
      {isWanted ? (
        <Suspense fallback={null}>
          <CommandPalette isOpen={isOpen} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
