import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goalsFileJsonSchema } from './artefacts';

describe('generated artefacts', () => {
  it('docs/goals-file.schema.json matches the zod schema (run `npm run generate` when this fails)', () => {
    const committed = readFileSync(new URL('../docs/goals-file.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(goalsFileJsonSchema());
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
