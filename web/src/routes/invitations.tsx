import { createFileRoute } from '@tanstack/react-router';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage';

/** The invitation links the server builds: `/invitations#<token>` (server/routes/auth.routes.ts). */
export const Route = createFileRoute('/invitations')({ component: AcceptInvitationPage });
