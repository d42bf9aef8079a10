import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder dependency rules of docs/ARCHITECTURE.md, as ESLint enforces them. */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('dependency rules', () => {
  it.each([
    ['core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['core/x.ts', "import { readFileSync } from 'fs';"],
    ['core/x.ts', "import { main } from '../cli/main';"],
    ['core/sub/x.ts', "import { db } from '../../server/db/connection';"],
    ['server/x.ts', "import { main } from '../cli/main';"],
    ['web/x.tsx', "import { db } from '../server/db/connection';"],
    ['cli/x.ts', "import { App } from '../web/app/app';"],
  ])('forbids %s: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['core/x.ts', "import { z } from 'zod';"],
    ['server/x.ts', "import { Evaluator } from '../core/evaluate';"],
    ['cli/x.ts', "import { readFileSync } from 'node:fs';"],
    ['web/x.tsx', "import { Evaluator } from '../core/evaluate';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
