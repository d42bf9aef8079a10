import { ApiError, messageOf } from '../api/errors';

/** What failed, in words, with the request id to quote to an admin. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p>{messageOf(error)}</p>
      {requestId ? <p className="mt-1 text-xs text-red-800">Request id: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="mt-2 font-medium underline" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
