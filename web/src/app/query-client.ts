import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

/** One cache for loaders, components and live updates. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}
