import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database';
import { createAppDeps } from '../http/deps';
import { createApp, openApiDocument } from './app';

/** Where the committed copy of the OpenAPI document lives. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

/**
 * The OpenAPI 3.1 document as committed: generated from the routes' zod schemas, pretty-printed.
 * The server serves the same document at `/api/openapi.json`.
 */
export async function openApiJson(): Promise<string> {
  const db = openDatabase(':memory:');
  try {
    return `${JSON.stringify(openApiDocument(createApp(createAppDeps({ db }))), null, 2)}\n`;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, await openApiJson());
  console.log(`wrote ${OPENAPI_PATH}`);
}
