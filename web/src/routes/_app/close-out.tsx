import { createFileRoute } from '@tanstack/react-router';
import { CloseOutPage, type CloseOutSearch } from '../../features/close-out/CloseOutPage';

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

export const Route = createFileRoute('/_app/close-out')({
  validateSearch: (search: Record<string, unknown>): CloseOutSearch => {
    const result: CloseOutSearch = {};
    for (const key of ['cycle', 'unit'] as const) {
      const value = text(search[key]);
      if (value) result[key] = value;
    }
    return result;
  },
  component: CloseOutPage,
});
