import { createFileRoute } from '@tanstack/react-router';
import { TokensPage } from '../../features/admin/TokensPage';

export const Route = createFileRoute('/_app/admin/tokens')({ component: TokensPage });
