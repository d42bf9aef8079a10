import { createFileRoute } from '@tanstack/react-router';
import { SmartGoalPage } from '../../features/goals/SmartGoalPage';

export const Route = createFileRoute('/_app/smart-goals/$smartGoalId')({ component: SmartGoalPage });
