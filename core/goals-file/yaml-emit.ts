/**
 * A small YAML writer for plain data (maps, lists, strings, numbers, booleans, null), the shape a
 * goals file has. It writes block style as the `yaml` library does with `lineWidth: 0`, but in one
 * pass over the data into an array of lines: the library builds a document of nodes first, which
 * for the large organisation (250,000 check-ins) took most of an export's time and memory.
 *
 * Strings are written plain only when YAML 1.2 (core schema) reads them back as the same string;
 * every other string is double-quoted with JSON's escapes (valid in YAML), and characters YAML
 * does not print are escaped too. `parse(emitYaml(x))` deep-equals `x` for any such data
 * (`yaml-emit.test.ts` checks it on the demo organisation and on random strings).
 */

/** Values the writer takes. `undefined` members of maps are left out, as the `yaml` library does. */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue };

/** The YAML text of a value, ending in a newline. */
export function emitYaml(value: YamlValue): string {
  const out: string[] = [];
  if (isCollection(value)) block(value, '', out);
  else out.push(scalar(value));
  out.push('');
  return out.join('\n');
}

/**
 * `emitYaml` of a map in pieces, for documents too large to hold as one string: the map's scalar
 * members and small collections come in one piece, and each item of a top-level list in a piece
 * of its own, each ending in a newline. The pieces joined are exactly `emitYaml(value)`; `items`
 * lets a member's list be produced lazily (one goal at a time), given with its length known.
 */
export function* emitYamlChunks(
  value: { readonly [key: string]: YamlValue },
  lists: { readonly [key: string]: Iterable<YamlValue> } = {},
): Generator<string> {
  let head: string[] = [];
  const flush = function* () {
    if (head.length > 0) yield `${head.join('\n')}\n`;
    head = [];
  };
  let wrote = false;
  for (const key in value) {
    const item = (value as Record<string, YamlValue>)[key];
    if (item === undefined) continue;
    wrote = true;
    const list = lists[key];
    if (list === undefined || !Array.isArray(item) || item.length === 0) {
      block({ [key]: item }, '', head);
      continue;
    }
    head.push(`${quoted(key)}:`);
    yield* flush();
    for (const entry of list) {
      const out: string[] = [];
      if (isCollection(entry) && !isEmpty(entry)) block(entry, '    ', out, '  - ');
      else out.push(`  - ${isCollection(entry) ? (Array.isArray(entry) ? '[]' : '{}') : scalar(entry)}`);
      out.push('');
      yield out.join('\n');
    }
  }
  if (!wrote) head.push('{}');
  yield* flush();
}

// Plain strings: a letter or `_` first (so never a number, `.inf`, an indicator such as `-`, `?`,
// `!`, `&`, `*`, `@` or a quote), then characters that can't start a comment or a mapping (no `#`,
// no `:`), no trailing space; and not one of the words YAML 1.2 reads as booleans or null.
const PLAIN = /^[A-Za-z_][\w .@/+-]*$/;
// A digit first is plain too when it is no number of the core schema (cycle names: `2026-Q4`).
const DIGIT_PLAIN = /^[0-9][\w .@/+-]*$/;
const NUMBER = /^(?:[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
// ISO dates and instants, as the goals file writes them: strings in YAML 1.2 (no timestamp type).
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/;
const RESERVED = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
// What YAML may not hold unescaped: C0 and C1 controls but tab and NEL, DEL, surrogates (JSON
// escapes lone ones), U+FFFE/U+FFFF, and the line and paragraph separators (breaks in YAML 1.1).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u0084\u0086-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function scalar(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoted(value);
}

function quoted(text: string): string {
  if (DATE.test(text)) return text;
  if (!text.endsWith(' ')) {
    if (PLAIN.test(text) && !RESERVED.has(text)) return text;
    if (DIGIT_PLAIN.test(text) && !NUMBER.test(text)) return text;
  }
  return JSON.stringify(text).replace(
    UNPRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A map key as written (`quoted`), remembered: a goals file has a few dozen keys, written 500,000 times. */
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = quoted(key);
    if (keyTexts.size < 1000) keyTexts.set(key, text);
  }
  return text;
}
const keyTexts = new Map<string, string>();

function isCollection(
  value: YamlValue,
): value is readonly YamlValue[] | { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: readonly YamlValue[] | { readonly [key: string]: YamlValue }): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if ((value as Record<string, YamlValue>)[key] !== undefined) return false;
  return true;
}

/**
 * Writes a non-scalar value's lines at `indent`. The first line of a map inside a list goes on the
 * dash's line (`- key: value`), as block style writes it.
 */
function block(
  value: readonly YamlValue[] | { readonly [key: string]: YamlValue },
  indent: string,
  out: string[],
  firstPrefix = indent,
): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${firstPrefix}[]`);
      return;
    }
    let prefix = firstPrefix;
    for (const item of value as readonly YamlValue[]) {
      if (isCollection(item) && !isEmpty(item)) block(item, `${indent}  `, out, `${prefix}- `);
      else out.push(`${prefix}- ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
      prefix = indent;
    }
    return;
  }
  let prefix = firstPrefix;
  let wrote = false;
  for (const key in value) {
    const item = (value as Record<string, YamlValue>)[key];
    if (item === undefined) continue;
    wrote = true;
    const name = keyText(key);
    if (!isCollection(item)) out.push(`${prefix}${name}: ${scalar(item)}`);
    else if (isEmpty(item)) out.push(`${prefix}${name}: ${Array.isArray(item) ? '[]' : '{}'}`);
    else {
      out.push(`${prefix}${name}:`);
      block(item, `${indent}  `, out);
    }
    prefix = indent;
  }
  if (!wrote) out.push(`${firstPrefix}{}`);
}
