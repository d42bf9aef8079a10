import { type ReactNode, useState } from 'react';
import { Button } from './Button';

const SMALL = 'min-h-8 px-3 py-1';

/**
 * A secret Tandem shows only once (an API token, a webhook's signing secret, an invitation link, a
 * calendar feed's address): the value in full, what to do with it, a copy button that says whether
 * copying worked, and optionally a way to put the notice away.
 */
export function ShownOnce(props: {
  title: ReactNode;
  value: string;
  children?: ReactNode;
  copyLabel: string;
  onDone?: () => void;
  testId?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState('');
  return (
    <div
      role="status"
      className={`rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm ${props.className ?? 'mt-3'}`}
    >
      <p className="font-medium">{props.title}</p>
      <p className="mt-1 break-all font-mono text-xs" data-testid={props.testId}>
        {props.value}
      </p>
      {props.children ? <p className="mt-1 text-xs text-slate-700">{props.children}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          className={SMALL}
          onClick={() =>
            void navigator.clipboard
              .writeText(props.value)
              .then(() => setCopied('Copied to the clipboard.'))
              .catch(() => setCopied('Copying is not allowed here: select it and copy it.'))
          }
        >
          {props.copyLabel}
        </Button>
        {props.onDone ? (
          <Button variant="quiet" className={SMALL} onClick={props.onDone}>
            I have stored it
          </Button>
        ) : null}
        <span aria-live="polite" className="text-xs">
          {copied}
        </span>
      </div>
    </div>
  );
}
