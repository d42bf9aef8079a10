import { createFileRoute } from '@tanstack/react-router';
import { ObjectivePage } from '../../features/goals/ObjectivePage';

export const Route = createFileRoute('/_app/objectives/$objectiveId')({ component: ObjectivePage });
