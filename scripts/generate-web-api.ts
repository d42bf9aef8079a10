// Regenerates web/src/api/schema.d.ts from docs/openapi.json (the last step of `npm run generate`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webApiTypes } from './web-api-types';

const target = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));
writeFileSync(target, await webApiTypes());
console.log(`wrote ${target}`);
