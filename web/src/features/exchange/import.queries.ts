import { api, unwrap } from '../../api/client';
import type { ImportFile } from './import';

/** Runs an import (a dry run: the preview) of files already read; a refused one throws its 400 as an ApiError. */
export function runImport(input: {
  files: ImportFile[];
  cycle?: string | undefined;
  dryRun: boolean;
  createMissing: boolean;
}) {
  return unwrap(
    api.POST('/api/v1/imports', {
      body: {
        files: input.files,
        dryRun: input.dryRun,
        createMissing: input.createMissing,
        ...(input.cycle ? { cycle: input.cycle } : {}),
      },
    }),
  );
}
