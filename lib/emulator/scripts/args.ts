/**
 * Plausible JSON arguments for a function call, generated from the function's JSON Schema
 * `parameters` (property names drive the values: an `invoice_id` looks like an invoice id).
 * Deterministic: values come from the seeded PRNG.
 */
import type { Prng } from '../ids';
import type { FunctionToolDef } from '../wire';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
};

const CITIES = ['Berlin', 'Lisbon', 'Toronto', 'Osaka', 'Austin'];
const REASONS = ['duplicate_charge', 'service_outage', 'customer_request'];

function stringFor(name: string, prng: Prng): string {
  const n = name.toLowerCase();
  const num = prng.int(1000, 9999);
  if (n.includes('invoice')) return `INV-${prng.int(2024, 2026)}-${num}`;
  if (n.includes('customer') || n.includes('account')) return `cus_${num}${prng.int(10, 99)}`;
  if (n.includes('order')) return `ORD-${num}`;
  if (n.includes('ticket')) return `TCK-${num}`;
  if (n.includes('email')) return `jordan.${num}@example.com`;
  if (n.includes('currency')) return 'usd';
  if (n.includes('reason')) return prng.pick(REASONS);
  if (n.includes('city') || n.includes('location')) return prng.pick(CITIES);
  if (n.includes('date')) return `2026-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
  if (n.includes('query') || n.includes('question')) return 'status of my last payment';
  if (n.endsWith('id')) return `${n.replace(/_?id$/, '') || 'obj'}_${num}`;
  return `example ${name}`;
}

function valueFor(name: string, schema: JsonSchema, prng: Prng, depth: number): unknown {
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
      return prng.int(schema.minimum ?? 1, schema.maximum ?? 100);
    case 'number': {
      const n = name.toLowerCase();
      if (n.includes('amount') || n.includes('price')) return prng.int(1000, 250000) / 100;
      return prng.int(1, 1000) / 10;
    }
    case 'boolean':
      return prng.chance(0.5);
    case 'array':
      return depth > 2 ? [] : [valueFor(name.replace(/s$/, ''), schema.items ?? { type: 'string' }, prng, depth + 1)];
    case 'object':
      return depth > 2 ? {} : objectFor(schema, prng, depth + 1);
    default:
      return stringFor(name, prng);
  }
}

function objectFor(schema: JsonSchema, prng: Prng, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? Object.keys(props));
  for (const [key, sub] of Object.entries(props)) {
    // Optional properties appear about half the time, as a model would fill them.
    if (required.has(key) || prng.chance(0.5)) out[key] = valueFor(key, sub, prng, depth);
  }
  return out;
}

/** The `arguments` string of a call to `tool` (compact JSON, like the API). */
export function argumentsFor(tool: FunctionToolDef, prng: Prng): string {
  const params = (tool.function.parameters ?? {}) as JsonSchema;
  return JSON.stringify(objectFor(params, prng, 0));
}
