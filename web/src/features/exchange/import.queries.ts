import { api, unwrap } from '../../api/client';
import type { ImportFile } from './import';

/** Runs an import (a dry run: the preview) of files already read; a refused one throws its 400 as an ApiError. */
export function runImport(input: {
  files: ImportFile[];
  cycle?: string | undefined;
  dryRun: boolean;
  createMissing: boolean;
  /** Import the valid goals and leave out (list) the rows with problems. */
  skipInvalid?: boolean;
}) {
  return unwrap(
    api.POST('/api/v1/imports', {
      body: {
        files: input.files,
        dryRun: input.dryRun,
        createMissing: input.createMissing,
        skipInvalid: input.skipInvalid === true,
        ...(input.cycle ? { cycle: input.cycle } : {}),
      },
    }),
  );
}
