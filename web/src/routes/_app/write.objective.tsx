import { createFileRoute } from '@tanstack/react-router';
import { ObjectiveEditorPage } from '../../features/authoring/ObjectiveEditorPage';
import { validateWriteSearch } from '../../features/authoring/search';

export const Route = createFileRoute('/_app/write/objective')({
  validateSearch: validateWriteSearch,
  component: ObjectiveEditorPage,
});
