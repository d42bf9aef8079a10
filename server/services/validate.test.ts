import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { accept, acceptParseCount, markParsed, parseInput } from './validate';

const schema = z.object({ title: z.string().trim().min(1), weight: z.number().default(1) }).strict();

describe('accept: a request is validated once', () => {
  it('returns a value the same schema parsed at a boundary as it is, without parsing it again', () => {
    const parsed = parseInput(schema, { title: ' Ship it ' });
    const before = acceptParseCount();
    expect(accept(schema, parsed)).toBe(parsed);
    const marked = markParsed(schema, { title: 'x', weight: 2 });
    expect(accept(schema, marked)).toBe(marked);
    expect(acceptParseCount()).toBe(before);
  });

  it('parses what no boundary parsed: plain input, a copy of parsed input, or input another schema parsed', () => {
    const before = acceptParseCount();
    expect(accept(schema, { title: ' Ship it ' })).toEqual({ title: 'Ship it', weight: 1 });
    const parsed = parseInput(schema, { title: 'a' });
    expect(accept(schema, { ...parsed, title: ' b ' })).toEqual({ title: 'b', weight: 1 });
    const other = parseInput(z.object({ title: z.string(), weight: z.number() }), { title: '', weight: 1 });
    expect(() => accept(schema, other)).toThrow(AppError);
    expect(acceptParseCount()).toBe(before + 3);
  });

  it('answers bad input with the validation error and the field paths', () => {
    try {
      accept(schema, { title: '', extra: 1 } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual({
        issues: [
          { path: 'title', message: expect.any(String) },
          { path: 'extra', message: 'unknown field' },
        ],
      });
    }
  });
});
