import { Link, useRouter } from '@tanstack/react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';

/** What a route shows when its data could not be loaded: what failed, a retry, the request id. */
export function RouteError({ error }: { error: unknown }) {
  const router = useRouter();
  return (
    <Page title="This page could not be loaded">
      <ErrorNotice error={error} onRetry={() => void router.invalidate()} />
      <Link to="/" className="text-brand-700 underline">
        Back to the dashboard
      </Link>
    </Page>
  );
}

export function NotFound() {
  return (
    <Page title="Page not found">
      <p className="mb-4">There is nothing at this address, or you may not see it.</p>
      <Link to="/" className="text-brand-700 underline">
        Back to the dashboard
      </Link>
    </Page>
  );
}
