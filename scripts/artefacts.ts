import { z } from 'zod';
import { goalsFileSchema } from '../core/goals-file/schema';

/** The published JSON Schema of the goals file, as committed in docs/goals-file.schema.json. */
export function goalsFileJsonSchema(): string {
  const schema = z.toJSONSchema(goalsFileSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  const published = { $id: 'https://tandem.dev/schemas/goals-file-v1.json', ...schema };
  return `${JSON.stringify(published, null, 2)}\n`;
}
