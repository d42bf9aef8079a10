import { createFileRoute } from '@tanstack/react-router';
import { CyclesPage } from '../../features/report/CyclesPage';

export const Route = createFileRoute('/_app/cycles/')({ component: CyclesPage });
