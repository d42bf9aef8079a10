import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { Button } from '../../components/Button';

/**
 * A goal's title, edited in place. A stale version (someone saved in between) is a 409: the
 * person sees their change next to the saved one and reapplies it on the fresh version.
 */
export function EditableTitle(props: {
  title: string;
  version: number;
  save: (title: string, version: number) => Promise<unknown>;
  reload: () => Promise<{ title: string; version: number }>;
  queryKey: readonly unknown[];
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ title: string; version: number } | null>(null);
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const save = async (version: number) => {
    if (draft === null) return;
    setPending(true);
    setError(undefined);
    try {
      await props.save(draft, version);
      setDraft(null);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: props.queryKey });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setConflict(await props.reload());
      else setError(messageOf(caught));
    } finally {
      setPending(false);
    }
  };
  if (draft === null)
    return (
      <Button variant="secondary" onClick={() => setDraft(props.title)}>
        Edit title
      </Button>
    );
  return (
    <form
      className="w-full rounded-lg border border-slate-300 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save(conflict?.version ?? props.version);
      }}
    >
      <label htmlFor="goal-title" className="mb-1 block text-sm font-medium">
        Title
      </label>
      <input
        id="goal-title"
        className="mb-2 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      {conflict ? (
        <div
          role="alert"
          className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950"
        >
          <p className="font-medium">Someone else changed this while you were editing.</p>
          <p>
            Their title: <q>{conflict.title}</q>
          </p>
          <p>
            Yours: <q>{draft}</q>
          </p>
          <p>Save again to put yours over theirs, or cancel to keep theirs.</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {conflict ? 'Save mine again' : 'Save'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(null);
            setConflict(null);
            void queryClient.invalidateQueries({ queryKey: props.queryKey });
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
