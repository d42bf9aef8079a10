import { ApiError, messageOf } from '../api/errors';

interface BlockingFinding {
  rule: string;
  field: string;
  message: string;
}

/** The coach findings a refused publish lists (`details.findings` of the API's publish gate). */
function blockingFindings(error: unknown): BlockingFinding[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.findings)) return [];
  return (error.details.findings as unknown[]).filter(
    (f): f is BlockingFinding =>
      typeof f === 'object' && f !== null && typeof (f as BlockingFinding).message === 'string',
  );
}

/** What failed, in words, with the request id to quote to an admin, and the findings that blocked a publish. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const findings = blockingFindings(error);
  return (
    <div role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p>{messageOf(error)}</p>
      {findings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {findings.map((f) => (
            <li key={`${f.rule}:${f.field}:${f.message}`}>
              {f.message}{' '}
              <span className="text-xs">
                ({f.rule}, {f.field})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p className="mt-1 text-xs text-red-800">Request id: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="mt-2 font-medium underline" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
