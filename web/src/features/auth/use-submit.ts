import { useState } from 'react';
import { ApiError, type Issue } from '../../api/errors';

/** Runs a form's action once at a time, keeping its error and the issues per field. */
export function useSubmit<T>(action: () => Promise<T>, onDone: (result: T) => void | Promise<void>) {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    setPending(true);
    setError(undefined);
    setIssues([]);
    try {
      await onDone(await action());
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setIssues(caught.issues);
    } finally {
      setPending(false);
    }
  };
  const issueFor = (path: string) => issues.find((issue) => issue.path === path)?.message;
  return { submit, isPending, error, issueFor };
}
