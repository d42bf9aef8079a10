import { createFileRoute } from '@tanstack/react-router';
import { SignInPage } from '../features/auth/SignInPage';

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') ? { next: search.next } : {},
  component: SignInPage,
});
