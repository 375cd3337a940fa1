/**
 * Turns the spec's OpenAPI-flavoured schemas into plain JSON Schema 2020-12 for Ajv.
 *
 * Why: the file says `openapi: 3.1.0` but still uses 3.0 idioms that Ajv either rejects or reads
 * differently:
 *  - `nullable: true` (3.0) — Ajv only understands it next to `type`; here it also sits next to
 *    `anyOf`/`$ref` and inside `allOf: [$ref, {nullable: true}]`. We rewrite all of them to
 *    "this schema OR null", which is what the spec authors mean.
 *  - `exclusiveMinimum: true` booleans (3.0) → numeric 2020-12 form.
 *  - `discriminator`, `x-*`, `example(s)` are annotations; dropped to keep Ajv's work small.
 * Property maps, enums, defaults and examples are data, not schemas, and are never rewritten.
 */
type Json = unknown;
type Schema = Record<string, Json>;

const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'example', 'examples', 'required']);
const DROP = (key: string) => key.startsWith('x-') || key === 'example' || key === 'examples' || key === 'discriminator';

function isObject(v: Json): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{nullable: true}` alone (possibly with a description) inside allOf. */
function isBareNullable(v: Json): boolean {
  return isObject(v) && v.nullable === true && Object.keys(v).every((k) => k === 'nullable' || k === 'description');
}

function makeNullable(schema: Schema): Schema {
  const type = schema.type;
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = Array.isArray(type) ? type : [type];
    const out: Schema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  const { description, ...rest } = schema;
  const wrapped: Schema = { anyOf: [rest, { type: 'null' }] };
  if (description !== undefined) wrapped.description = description;
  return wrapped;
}

export function prepareSchema(input: Json): Json {
  if (Array.isArray(input)) return input.map(prepareSchema);
  if (!isObject(input)) return input;
  let out: Schema = {};
  let nullable = input.nullable === true;
  for (const [key, value] of Object.entries(input)) {
    if (DROP(key) || key === 'nullable') continue;
    if (DATA_KEYWORDS.has(key)) {
      out[key] = value;
    } else if (MAP_KEYWORDS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepareSchema(v)]));
    } else if (key === 'allOf' && Array.isArray(value)) {
      const members = value.filter((m) => !isBareNullable(m));
      if (members.length !== value.length) nullable = true;
      out.allOf = members.map(prepareSchema);
    } else {
      out[key] = prepareSchema(value);
    }
  }
  // 3.0 boolean exclusive bounds → 2020-12 numbers.
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else {
        delete out[flag];
      }
    }
  }
  if (nullable) out = makeNullable(out);
  return out;
}

/** Prepared copy of `components.schemas` (the input is not mutated). */
export function prepareSpecSchemas(schemas: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, prepareSchema(s)]));
}
