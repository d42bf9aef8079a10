import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { WebhookEventPicker } from './WebhookEventPicker';
import type { Webhook } from './webhooks.queries';

export interface WebhookValues {
  url: string;
  description: string;
  events: string[];
  isEnabled: boolean;
}

/** A webhook's URL, description, events and enabled flag; submits with Enter from any field. */
export function WebhookForm(props: {
  initial?: Webhook;
  submitLabel: string;
  onSubmit: (values: WebhookValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [url, setUrl] = useState(props.initial?.url ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [events, setEvents] = useState<string[]>(props.initial?.events ?? ['*']);
  const [isEnabled, setEnabled] = useState(props.initial?.isEnabled ?? true);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const issue = (field: string) =>
    failure instanceof ApiError
      ? failure.issues.find((i) => i.path === field || i.path.startsWith(`${field}.`))?.message
      : undefined;
  const eventsError = events.length === 0 ? 'Choose at least one event.' : issue('events');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (events.length === 0) return;
        setPending(true);
        setFailure(undefined);
        props
          .onSubmit({ url: url.trim(), description: description.trim(), events, isEnabled })
          .catch(setFailure)
          .finally(() => setPending(false));
      }}
    >
      {failure && !(failure instanceof ApiError && failure.issues.length > 0) ? (
        <ErrorNotice error={failure} />
      ) : null}
      <fieldset disabled={pending} className="grid gap-x-3 sm:grid-cols-2">
        <TextField
          label="Endpoint URL"
          type="url"
          required
          placeholder="https://example.com/tandem"
          hint="http or https; only public addresses unless TANDEM_OUTBOUND_ALLOW lists the range."
          value={url}
          error={issue('url')}
          onChange={(e) => setUrl(e.target.value)}
        />
        <TextField
          label="Description"
          hint="What receives it: “CRM sync”, “Data warehouse”."
          value={description}
          error={issue('description')}
          onChange={(e) => setDescription(e.target.value)}
        />
      </fieldset>
      <fieldset disabled={pending}>
        <WebhookEventPicker value={events} onChange={setEvents} />
        {eventsError ? (
          <p role="alert" className="-mt-2 mb-3 text-sm text-red-700">
            {eventsError}
          </p>
        ) : null}
        <label className="mb-4 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isEnabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled (a disabled webhook receives nothing and its pending deliveries fail)
        </label>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || events.length === 0}>
          {props.submitLabel}
        </Button>
        {props.onCancel ? (
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
