import { createFileRoute } from '@tanstack/react-router';
import { ImportPage } from '../../features/exchange/ImportPage';

export const Route = createFileRoute('/_app/import')({ component: ImportPage });
