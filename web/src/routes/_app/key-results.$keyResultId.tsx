import { createFileRoute } from '@tanstack/react-router';
import { KeyResultPage } from '../../features/goals/KeyResultPage';

export const Route = createFileRoute('/_app/key-results/$keyResultId')({ component: KeyResultPage });
