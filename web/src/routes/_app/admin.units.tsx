import { createFileRoute } from '@tanstack/react-router';
import { UnitsPage } from '../../features/admin/UnitsPage';

export const Route = createFileRoute('/_app/admin/units')({ component: UnitsPage });
