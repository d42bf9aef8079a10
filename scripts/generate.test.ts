import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goalsFileJsonSchema } from './artefacts';
import { webApiTypes } from './web-api-types';

describe('generated artefacts', () => {
  it('docs/goals-file.schema.json matches the zod schema (run `npm run generate` when this fails)', () => {
    const committed = readFileSync(new URL('../docs/goals-file.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(goalsFileJsonSchema());
  });

  it('web/src/api/schema.d.ts matches docs/openapi.json (run `npm run generate` when this fails)', async () => {
    const committed = readFileSync(new URL('../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await webApiTypes());
  });

  it('publishes the fields of SPEC section 9', () => {
    const schema = JSON.parse(goalsFileJsonSchema());
    expect(schema.required).toEqual(['version', 'cycle']);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'version',
        'cycle',
        'timezone',
        'fiscal_year_start',
        'objectives',
        'smart_goals',
      ]),
    );
    const kr = schema.properties.objectives.items.properties.key_results.items;
    expect(Object.keys(kr.properties)).toEqual(
      expect.arrayContaining(['key', 'title', 'measure', 'checkins', 'source']),
    );
  });
});
