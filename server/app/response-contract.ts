// The response side of the API contract, for tests: a JSON answer may carry only the fields its
// operation's schema in the OpenAPI document lists (issue 9: a new column must not reach the API
// by accident, for instance through a presenter that spreads a row). An object schema with
// `properties` counts as closed unless it says `additionalProperties` (a record, or a schema
// that allows anything); extra fields anywhere in the answer are named with their path.
// Used by the test client (server/app/test-client.ts) on every answer of the route tests.

/** A JSON Schema of the OpenAPI document, as far as the check reads it. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** The parts of an OpenAPI document the check reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks answers against one document: `problems` lists the fields an answer carries unlisted. */
export class ResponseContract {
  readonly #document: OpenApiDocument;
  readonly #routes: { method: string; template: string; pattern: RegExp; params: number }[];

  constructor(document: OpenApiDocument) {
    this.#document = document;
    this.#routes = Object.entries(document.paths)
      .flatMap(([template, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(
            `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
          ),
          params: (template.match(/\{/g) ?? []).length,
        })),
      )
      // A literal path (/people/me) before a template that also matches it (/people/{id}).
      .sort((a, b) => a.params - b.params);
  }

  /** The documented schema of an answer, or undefined when the document has none for it. */
  schemaOf(method: string, url: string, status: number): { operation: string; schema: Schema } | undefined {
    const pathname = new URL(url, 'http://localhost').pathname;
    const route = this.#routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(pathname));
    if (!route) return undefined;
    const responses = this.#document.paths[route.template]?.[route.method.toLowerCase()]?.responses;
    const schema = (responses?.[String(status)] ?? responses?.default)?.content?.['application/json']?.schema;
    return schema ? { operation: `${route.method} ${route.template} ${status}`, schema } : undefined;
  }

  /** The fields of `body` its operation's schema does not list, as dotted paths (empty when none). */
  problems(method: string, url: string, status: number, body: unknown): string[] {
    const found = this.schemaOf(method, url, status);
    if (!found) return [];
    return this.#check(found.schema, body, '$').map((problem) => `${found.operation}: ${problem}`);
  }

  #resolve(schema: Schema): Schema {
    let current = schema;
    for (let depth = 0; current.$ref && depth < 20; depth++) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = this.#document.components?.schemas?.[name];
      if (!target) return {};
      current = target;
    }
    return current;
  }

  #check(raw: Schema, value: unknown, at: string): string[] {
    const schema = this.#resolve(raw);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) {
      // The value fits the union when one branch takes it whole; else the closest branch's problems.
      let best: string[] | undefined;
      for (const branch of branches) {
        const problems = this.#check(branch, value, at);
        if (problems.length === 0) return [];
        if (!best || problems.length < best.length) best = problems;
      }
      return best ?? [];
    }
    if (schema.allOf) {
      // The parts together: an object may carry the fields of any part.
      const merged: Schema = { properties: {} };
      let isOpen = false;
      for (const part of schema.allOf.map((p) => this.#resolve(p))) {
        if (part.properties) Object.assign(merged.properties!, part.properties);
        else if (part.additionalProperties !== false) isOpen = true;
        if (part.additionalProperties && part.additionalProperties !== true) isOpen = true;
      }
      return isOpen ? [] : this.#check(merged, value, at);
    }
    if (Array.isArray(value)) {
      return value.flatMap((item, i) => {
        const itemSchema = schema.prefixItems?.[i] ?? schema.items;
        return itemSchema ? this.#check(itemSchema, item, `${at}[${i}]`) : [];
      });
    }
    if (!isObject(value)) return [];
    const problems: string[] = [];
    const extra = schema.additionalProperties;
    for (const [key, field] of Object.entries(value)) {
      const fieldSchema = schema.properties?.[key];
      if (fieldSchema) problems.push(...this.#check(fieldSchema, field, `${at}.${key}`));
      else if (isObject(extra)) problems.push(...this.#check(extra, field, `${at}.${key}`));
      else if (schema.properties && extra !== true) problems.push(`${at}.${key} is not in the schema`);
    }
    return problems;
  }
}
