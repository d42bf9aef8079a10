// Regenerates the committed artefacts that are derived from code: `npm run generate`.
// A test (scripts/generate.test.ts) fails when a committed copy is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goalsFileJsonSchema } from './artefacts';

const root = new URL('..', import.meta.url);
const target = fileURLToPath(new URL('docs/goals-file.schema.json', root));
writeFileSync(target, goalsFileJsonSchema());
console.log(`wrote ${target}`);
