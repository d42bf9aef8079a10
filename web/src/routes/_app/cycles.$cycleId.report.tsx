import { createFileRoute } from '@tanstack/react-router';
import { ReportPage } from '../../features/report/ReportPage';

export const Route = createFileRoute('/_app/cycles/$cycleId/report')({ component: ReportPage });
