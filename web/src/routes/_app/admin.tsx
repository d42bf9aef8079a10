import { createFileRoute } from '@tanstack/react-router';
import { AdminGate } from '../../features/admin/AdminGate';

export const Route = createFileRoute('/_app/admin')({ component: AdminGate });
