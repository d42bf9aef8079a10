import type { ReactNode } from 'react';

/**
 * A screen: its one `<h1>` (focusable, so navigation can move focus to it) and its content.
 * The router's focus handler (app/focus.ts) moves focus to `h1[data-page-heading]` after every navigation.
 */
export function Page(props: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  narrow?: boolean;
}) {
  return (
    <main id="main" className={`mx-auto w-full px-4 py-6 ${props.narrow ? 'max-w-md' : 'max-w-6xl'}`}>
      <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
        <h1 data-page-heading tabIndex={-1} className="text-2xl font-semibold text-slate-900">
          {props.title}
        </h1>
        {props.actions ? <div className="flex flex-wrap gap-2">{props.actions}</div> : null}
      </div>
      {props.children}
    </main>
  );
}
