// Walks the OpenAPI document the server publishes: every operation with a plausible request
// built from its schemas. Used by the authorization matrix and the fuzz test, so a new route
// is exercised without anyone writing a case for it.

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  const?: unknown;
  default?: unknown;
  $ref?: string;
}

export interface Operation {
  method: string;
  /** Fastify style: /api/training/sessions/:id */
  url: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

export function operationsOf(doc: unknown): Operation[] {
  const d = doc as OpenApiDoc;
  const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? (d.components?.schemas?.[s.$ref.split('/').pop() ?? ''] ?? {}) : s);
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(d.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: resolve(p.schema) })),
        body: json ? resolve(json) : undefined,
      });
    }
  }
  return out;
}

export interface SampleContext {
  /** A uuid for a field (real ids of some organisation, or made up). */
  uuid(field: string): string;
}

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value the schema accepts as far as it can tell (refinements are invisible in JSON Schema). */
export function sampleValue(schema: JsonSchema, field: string, ctx: SampleContext): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return sampleValue(union.find((u) => typeOf(u) !== 'null') ?? union[0], field, ctx);
  if (schema.allOf?.length) return sampleValue(Object.assign({}, ...schema.allOf), field, ctx);
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) if (schema.required?.includes(k)) out[k] = sampleValue(v, k, ctx);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleValue(schema.items ?? {}, field, ctx));
    case 'integer':
    case 'number': {
      if (/version/i.test(field)) return 1;
      const min = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum ? 1 : 0) : 1;
      return Math.min(Math.max(min, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, field, ctx);
    default:
      return sampleString(schema, field, ctx);
  }
}

function sampleString(schema: JsonSchema, field: string, ctx: SampleContext): string {
  if (schema.format === 'uuid' || /Id$/.test(field) || field === 'id') return ctx.uuid(field);
  if (schema.format === 'date-time') return '2026-03-02T08:00:00.000Z';
  if (schema.format === 'date' || /(On|Date|^date|^from|^to|Day|^day)$/.test(field)) return '2026-03-02';
  if (/schoolYear/.test(field)) return '2025-2026';
  if (/[tT]ime$/.test(field)) return '09:00';
  if (/month|period/i.test(field)) return '2026-03';
  const min = schema.minLength ?? 1;
  return 'x'.repeat(Math.max(min, 1)).slice(0, schema.maxLength ?? 100);
}

/** The query string of the required parameters. */
export function sampleQuery(op: Operation, ctx: SampleContext): string {
  const parts = op.query
    .filter((q) => q.required)
    .map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(sampleValue(q.schema, q.name, ctx)))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
