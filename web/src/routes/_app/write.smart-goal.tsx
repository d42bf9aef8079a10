import { createFileRoute } from '@tanstack/react-router';
import { SmartGoalEditorPage } from '../../features/authoring/SmartGoalEditorPage';
import { validateWriteSearch } from '../../features/authoring/search';

export const Route = createFileRoute('/_app/write/smart-goal')({
  validateSearch: validateWriteSearch,
  component: SmartGoalEditorPage,
});
