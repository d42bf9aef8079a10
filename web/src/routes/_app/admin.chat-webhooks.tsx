import { createFileRoute } from '@tanstack/react-router';
import { ChatWebhooksPage } from '../../features/notifications/ChatWebhooksPage';

export const Route = createFileRoute('/_app/admin/chat-webhooks')({ component: ChatWebhooksPage });
