import { createFileRoute } from '@tanstack/react-router';
import { MyNotificationsPage } from '../../features/notifications/MyNotificationsPage';

export const Route = createFileRoute('/_app/settings/notifications')({ component: MyNotificationsPage });
