import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER =
  '// Generated from docs/openapi.json by `npm run generate` (scripts/web-api-types.ts). Do not edit.\n\n';

/**
 * The web app's API types (web/src/api/schema.d.ts), generated from the committed OpenAPI
 * document, so the browser and third parties share one contract.
 */
export async function webApiTypes(): Promise<string> {
  const document = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));
  const ast = await openapiTS(document, { alphabetize: false });
  return HEADER + astToString(ast);
}
