import { createFileRoute } from '@tanstack/react-router';
import { NotificationLogPage } from '../../features/notifications/NotificationLogPage';

export const Route = createFileRoute('/_app/admin/notifications')({ component: NotificationLogPage });
