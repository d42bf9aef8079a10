import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import type { DueGoal } from '../../api/due';
import { ApiError } from '../../api/errors';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { CheckInRow, initialRow, isUntouched, type RowState, toInput } from './CheckInRow';
import { CheckInSummary } from './CheckInSummary';
import { type CheckInInput, type CheckInResult, dueQuery, submitCheckIns } from './check-ins.queries';

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The submit button's words: how many goals it sends, or that there is nothing left to send. */
export function submitLabel(isPending: boolean, sending: number): string {
  if (isPending) return 'Saving…';
  if (sending === 0) return 'All checked in';
  return `Check in on ${sending} ${sending === 1 ? 'goal' : 'goals'}`;
}

/** Every goal the signed-in person checks in on this period, on one page, sent in one batch. */
export function CheckInPage() {
  const queryClient = useQueryClient();
  const due = useQuery(dueQuery);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [results, setResults] = useState<{ items: CheckInResult[]; goals: DueGoal[] } | null>(null);
  const key = useRef(newKey());
  const submitRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  if (results) {
    return (
      <Page title="Checked in">
        <CheckInSummary results={results.items} goals={results.goals} onAgain={() => setResults(null)} />
      </Page>
    );
  }
  const goals = due.data?.goals ?? [];
  const summary = due.data?.summary;
  const rowOf = (goalId: string) => rows[goalId] ?? initialRow(goals.find((g) => g.goalId === goalId)!);
  /** A goal due now is sent as shown (an unchanged value confirms it); one done this period only when changed. */
  const isSent = (goal: DueGoal) => !goal.isDone || !isUntouched(goal, rowOf(goal.goalId));
  const sending = goals.filter(isSent).length;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const sent: { goalId: string; input: CheckInInput }[] = [];
    for (const goal of goals) {
      if (!isSent(goal)) continue;
      const input = toInput(goal, rowOf(goal.goalId));
      if (input) sent.push({ goalId: goal.goalId, input });
    }
    if (sent.length === 0) {
      setError(new Error('Fill in at least one goal (those done this period are sent only when changed).'));
      return;
    }
    setPending(true);
    setError(undefined);
    setRowErrors({});
    try {
      const answer = await submitCheckIns(
        sent.map((s) => s.input),
        key.current,
      );
      key.current = newKey();
      setRows({});
      setResults({ items: answer, goals });
      void queryClient.invalidateQueries({ queryKey: ['due'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    } catch (caught) {
      // All or nothing: nothing was written; each row's problem is shown on its row.
      const byRow: Record<string, string> = {};
      if (caught instanceof ApiError) {
        for (const issue of caught.issues) {
          const match = /^items\.(\d+)\.?(.*)$/.exec(issue.path);
          const row = match ? sent[Number(match[1])] : undefined;
          if (row) byRow[row.goalId] = issue.message;
        }
        const match = /^items\.(\d+)/.exec(String(caught.details.path ?? ''));
        const row = match ? sent[Number(match[1])] : undefined;
        if (row && !byRow[row.goalId]) byRow[row.goalId] = caught.message;
      }
      setRowErrors(byRow);
      setError(caught);
      // A retry after a fix is a new request.
      key.current = newKey();
    } finally {
      setPending(false);
    }
  };

  /**
   * Enter moves to the next row's first field (the submit button after the last row), from any
   * field of the row: caught on the way down, since the confidence radios would otherwise keep
   * the key and Enter on a radio submits the form.
   */
  const onRowKeyDown = (index: number) => (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || (event.target as HTMLElement).tagName === 'BUTTON') return;
    event.preventDefault();
    const next = formRef.current?.querySelector<HTMLElement>(`[data-row="${index + 1}"] [data-first]`);
    (next ?? submitRef.current)?.focus();
  };

  return (
    <Page title="Check in">
      <p className="mb-4 text-slate-700">
        Every goal you update this period. Values start at your last check-in; Tab moves between fields and
        Enter to the next goal.
      </p>
      {summary && goals.length > 0 ? (
        <p className="mb-4 text-sm text-slate-700">
          <strong>{summary.due}</strong> due now · <strong>{summary.done}</strong> done this period
          {summary.done > 0 ? ' (sent again only if you change them)' : ''}
        </p>
      ) : null}
      {due.isPending ? <p>Loading your goals…</p> : null}
      {due.isError ? <ErrorNotice error={due.error} onRetry={() => void due.refetch()} /> : null}
      {due.isSuccess && goals.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
          <p>Nothing is due: you own no open goal with a measure in a current cycle.</p>
          <Link to="/" className="text-brand-700 underline">
            Back to the dashboard
          </Link>
        </div>
      ) : null}
      {goals.length > 0 ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Check-ins">
          {error ? <ErrorNotice error={error} /> : null}
          <ol className="flex flex-col gap-3">
            {goals.map((goal, index) => (
              <li key={goal.goalId} data-row={index} onKeyDownCapture={onRowKeyDown(index)}>
                <CheckInRow
                  goal={goal}
                  row={rowOf(goal.goalId)}
                  error={rowErrors[goal.goalId]}
                  isDisabled={isPending}
                  onChange={(row) => setRows((current) => ({ ...current, [goal.goalId]: row }))}
                />
              </li>
            ))}
          </ol>
          <div className="sticky bottom-0 mt-4 flex items-center gap-3 border-t border-slate-200 bg-slate-50 py-3">
            <Button ref={submitRef} type="submit" disabled={isPending || sending === 0}>
              {submitLabel(isPending, sending)}
            </Button>
            <span className="text-sm text-slate-600">
              {sending === 0
                ? 'Everything is checked in for this period; change a value to send it again.'
                : 'All are saved together, or none.'}
            </span>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
