import { createFileRoute } from '@tanstack/react-router';
import { NewGoalPage } from '../../features/authoring/NewGoalPage';

export const Route = createFileRoute('/_app/write/')({ component: NewGoalPage });
