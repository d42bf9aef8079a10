import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { emitYaml, type YamlValue } from './yaml-emit';

const read = (text: string) => parse(text, { version: '1.2' });

describe('emitYaml', () => {
  it('writes block style as the yaml library does with lineWidth 0, for what a goals file holds', () => {
    const data = {
      version: 1,
      cycle: '2026-Q4',
      units: [{ key: 'company', name: 'Acme', leads: ['ada@acme.test'] }],
      objectives: [
        {
          key: 'grow',
          title: 'Grow revenue',
          aligns_to: [{ key: 'x', weight: 2 }, 'y'],
          key_results: [
            {
              key: 'arr',
              measure: { type: 'increase', start: 0, target: 1.5 },
              checkins: [{ at: '2026-10-12T00:00:00.000Z', value: -3, note: 'first week' }],
            },
          ],
        },
      ],
      nested: [[1, 2], [], {}],
      empty: {},
    };
    expect(emitYaml(data)).toBe(stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }));
  });

  it('quotes every string YAML would read as something else, and reads back the same', () => {
    const tricky = [
      '',
      ' lead',
      'trail ',
      'true',
      'False',
      'NULL',
      'null',
      '~',
      'yes',
      '12',
      '1e3',
      '0x1F',
      '.inf',
      '-.nan',
      '- item',
      '? key',
      'a: b',
      'a #b',
      '#comment',
      '@at',
      '`tick',
      "'single'",
      '"double"',
      '{flow}',
      '[list]',
      '*alias',
      '&anchor',
      '!tag',
      '%directive',
      '|block',
      '>folded',
      'multi\nline\n',
      'tab\there',
      'crlf\r\n',
      '\u0000nul\u0007bell\u007fdel\u0085nel\u2028ls\ufeffbom',
      'emoji 🎯 and é',
      '\ud800 lone surrogate',
      '---',
      '...',
      '2026-13-45',
      '2026-Q4',
      '12.',
      '1.5e+3',
      '0o17',
      '1.2.3',
      '1 000',
      '2026-10-12T00:00:00.000Z',
    ];
    for (const text of tricky) {
      expect(read(emitYaml({ text }))).toEqual({ text });
      expect(read(emitYaml([text]))).toEqual([text]);
      expect(read(emitYaml({ [text || 'k']: 1 }))).toEqual({ [text || 'k']: 1 });
    }
  });

  it('reads back random strings, numbers and nesting unchanged', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'ab Z_-:#@&*!|>\'"%{}[],?~\\\n\t\r.0123456789é🎯\u0000\u0085\u2028';
    const text = () =>
      Array.from({ length: Math.floor(random() * 12) }, () => [...alphabet][Math.floor(random() * 30)]).join(
        '',
      );
    const value = (depth: number): YamlValue => {
      const pick = random();
      if (depth > 3 || pick < 0.3) return text();
      if (pick < 0.4) return Math.round((random() - 0.5) * 1e6) / 100;
      if (pick < 0.45) return random() < 0.5;
      if (pick < 0.5) return null;
      if (pick < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, () => [text() || 'k', value(depth + 1)]),
      );
    };
    for (let i = 0; i < 500; i++) {
      const data = { root: value(0) };
      expect(read(emitYaml(data))).toEqual(data);
    }
  });
});
