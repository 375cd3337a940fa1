/**
 * Shared building blocks of the Assistants v2 contract: ids, timestamps, metadata, the list
 * envelope, list queries and the error envelope. Imports zod only (browser + server safe).
 *
 * Convention: schema and inferred type share a name (`export const X = ...; export type X = ...`).
 * Response shapes are tolerant (z.looseObject keeps unknown keys; fields that real servers or
 * facades omit are `.nullish()`), request shapes are strict (z.strictObject, API limits enforced).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// IDs
// ---------------------------------------------------------------------------------------------

/**
 * What an id in a URL path may look like. Real ids are `<prefix><base62>`; we allow `-` for
 * `file-...` ids and `_` for the prefixes. No dots, slashes or percent signs: that rules out
 * `..`, encoded slashes and other path tricks before an id ever reaches a URL we build.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Id prefixes as issued by the API (§1.3 of the digest). Path params are checked against them. */
export const ID_PREFIXES = {
  assistant: 'asst_',
  thread: 'thread_',
  run: 'run_',
  step: 'step_',
  message: 'msg_',
  call: 'call_',
  file: 'file-',
  vectorStore: 'vs_',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/** Any well-formed id (request fields that reference other objects, list cursors). */
export const Id = z.string().regex(ID_PATTERN, { error: 'must be an ID of 1-128 characters a-z, A-Z, 0-9, _ or -' });
export type Id = z.infer<typeof Id>;

/** An id with a specific prefix, e.g. `PrefixedId('thread')` accepts `thread_abc`. */
export function PrefixedId(kind: IdKind) {
  const prefix = ID_PREFIXES[kind];
  return Id.refine((v) => v.startsWith(prefix), {
    error: `must be an ID that begins with '${prefix}'`,
  });
}

/** True when `value` is a syntactically valid id carrying the prefix of `kind`. */
export function isIdOf(kind: IdKind, value: string): boolean {
  return ID_PATTERN.test(value) && value.startsWith(ID_PREFIXES[kind]);
}

/** Response ids: only non-empty strings. Facades may issue other shapes; the UI only needs a key. */
export const ResponseId = z.string().min(1);

// ---------------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------------

/**
 * Integer Unix seconds. The upper bound (year ~5138) rejects millisecond timestamps, the most
 * common facade bug, which would otherwise render as dates far in the future.
 */
export const UnixTime = z.int().min(0).max(99_999_999_999, { error: 'must be Unix seconds, not milliseconds' });
export type UnixTime = z.infer<typeof UnixTime>;

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

export const METADATA_LIMITS = { maxKeys: 16, maxKeyLength: 64, maxValueLength: 512 } as const;

/**
 * Request metadata with the API's limits. The spec only states the limits in prose (its schema is a
 * bare string map), so this is deliberately stricter than the spec's JSON Schema: the real API
 * rejects these bodies with 400, and we want the form/proxy to say so before sending.
 * Use `.nullish()` at the use site (metadata is nullable on every body).
 */
export const Metadata = z
  .record(z.string(), z.string({ error: 'value must be a string' }))
  .superRefine((map, ctx) => {
    const keys = Object.keys(map);
    if (keys.length > METADATA_LIMITS.maxKeys) {
      ctx.addIssue({ code: 'custom', message: `must have at most ${METADATA_LIMITS.maxKeys} keys`, input: map });
    }
    for (const key of keys) {
      if (key.length > METADATA_LIMITS.maxKeyLength) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `key must be at most ${METADATA_LIMITS.maxKeyLength} characters`,
          input: key,
        });
      }
      const value = map[key];
      if (value !== undefined && value.length > METADATA_LIMITS.maxValueLength) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `value must be at most ${METADATA_LIMITS.maxValueLength} characters`,
          input: value,
        });
      }
    }
  });
export type Metadata = z.infer<typeof Metadata>;

/** Response metadata: any map (facades have sent numbers/booleans); absent or null allowed. */
export const MetadataOut = z.record(z.string(), z.unknown()).nullish();
export type MetadataOut = z.infer<typeof MetadataOut>;

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

/**
 * The list envelope. first_id/last_id are typed string in the spec but are null on empty pages
 * (tjardoo/openai-client#59) and absent on some facades; has_more defaults to false when absent.
 */
export function ListOf<T extends z.ZodType>(item: T) {
  return z.looseObject({
    object: z.literal('list'),
    data: z.array(item),
    first_id: z.string().nullish(),
    last_id: z.string().nullish(),
    has_more: z.boolean().default(false),
  });
}
export type ListOf<T> = {
  object: 'list';
  data: T[];
  first_id?: string | null;
  last_id?: string | null;
  has_more: boolean;
  [key: string]: unknown;
};

export const LIST_ORDERS = ['asc', 'desc'] as const;

/**
 * Query of every list endpoint. `limit` is coerced because it arrives as a query string.
 * Unknown query keys are stripped here; whether they are an error is the endpoint table's call.
 */
export const ListQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be an integer' })
    .pipe(z.int({ error: 'must be an integer' }).min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' }))
    .optional(),
  order: z.enum(LIST_ORDERS).optional(),
  after: Id.optional(),
  before: Id.optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** The one value `include[]` accepts today (createRun, listRunSteps, getRunStep). */
export const FILE_SEARCH_CONTENT_INCLUDE = 'step_details.tool_calls[*].file_search.results[*].content' as const;
export const IncludeQuery = z.object({
  include: z.array(z.literal(FILE_SEARCH_CONTENT_INCLUDE)).optional(),
});
export type IncludeQuery = z.infer<typeof IncludeQuery>;

/**
 * Turns URLSearchParams into a plain object for the query schemas. `include[]` (what the SDK
 * sends) and `include` (lenient) both become the array `include`; other repeated keys keep the
 * last value, as most servers do.
 */
export function searchParamsToQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of params) {
    if (rawKey === 'include[]' || rawKey === 'include') {
      const prev = out.include;
      out.include = Array.isArray(prev) ? [...prev, value] : [value];
    } else {
      out[rawKey] = value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * The error object. Tolerant because Azure sends `type: null`, numeric-string codes ("429"),
 * and extra keys (`status`, `innererror`); gateways sometimes omit `type`/`param` entirely.
 */
export const ApiError = z.looseObject({
  message: z.string(),
  type: z.string().nullish(),
  param: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
});
export type ApiError = z.infer<typeof ApiError>;

export const ApiErrorEnvelope = z.looseObject({ error: ApiError });
export type ApiErrorEnvelope = z.infer<typeof ApiErrorEnvelope>;

// ---------------------------------------------------------------------------------------------
// Tolerant enums
// ---------------------------------------------------------------------------------------------

/**
 * A string field whose known values we list but whose unknown values must still parse (statuses,
 * error codes): facades and newer servers add values, and the UI should show them raw rather than
 * fail the whole object. The output type keeps editor completion for the known values.
 */
export function KnownOrOther<const T extends readonly [string, ...string[]]>(_known: T) {
  return z.string().min(1) as unknown as z.ZodType<T[number] | (string & {}), string>;
}

/** Builds a type guard for a tuple of known values. */
export function isOneOf<const T extends readonly string[]>(values: T) {
  const set = new Set<string>(values);
  return (value: unknown): value is T[number] => typeof value === 'string' && set.has(value);
}

/**
 * Fallback branch for discriminated content: accepts any object whose `type` is a string NOT in
 * `known` (so a malformed known variant still fails instead of silently becoming "unknown").
 */
export function UnknownVariant<const T extends readonly string[]>(known: T) {
  const set = new Set<string>(known);
  return z.looseObject({
    type: z.string().refine((t) => !set.has(t), { error: 'malformed known variant' }),
  });
}
export type UnknownVariant = { type: string; [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// Issue formatting
// ---------------------------------------------------------------------------------------------

/** `['tool_outputs', 0, 'output']` → `tool_outputs[0].output` (the API's own param style). */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `value must be at most ${max} characters`;
      if (issue.origin === 'array') return `array must have at most ${max} items`;
      return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `value must be at least ${min} characters`;
      if (issue.origin === 'array') return `array must have at least ${min} items`;
      return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? `key: ${describeIssue(inner).replace(/^value /, '')}` : 'invalid key';
    }
    case 'invalid_union':
      return 'does not match any allowed shape';
    default:
      return issue.message;
  }
}

/** True when zod's message was written by us (custom messages) rather than zod's defaults. */
function hasCustomMessage(issue: Issue): boolean {
  return !/^(Invalid input|Too (big|small)|Invalid (key|option|string|element|union))/.test(issue.message);
}

/**
 * A union failure says only "Invalid input". Dig into the branch that got furthest (deepest
 * issue path, ignoring branches that failed on the value's type or discriminator) so the
 * message names the real field, e.g. `content: []` → "array must have at least 1 items".
 */
function unwrapUnion(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: Issue | undefined;
  let bestScore = -1;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const rootMiss = inner.path.length === 0 && inner.code === 'invalid_type';
      const discriminatorMiss = inner.code === 'invalid_value' && inner.path.length === 1 && inner.path[0] === 'type';
      const score = rootMiss || discriminatorMiss ? 0 : inner.path.length + 1;
      if (score > bestScore) {
        best = inner;
        bestScore = score;
      }
    }
  }
  if (!best || bestScore === 0) return issue;
  return unwrapUnion({ ...best, path: [...issue.path, ...best.path] } as Issue);
}

/**
 * One readable message + param for an error envelope, in the API's own style:
 * `Invalid 'metadata.team': value must be at most 512 characters.`,
 * `Missing required parameter: 'assistant_id'.`,
 * `Unrecognized request argument supplied: foo`.
 * Used by the proxy (400 envelopes), the emulator and the UI forms (field errors via `param`).
 */
export function formatZodIssues(error: z.ZodError | { issues: readonly Issue[] }): {
  message: string;
  param: string | null;
} {
  const first = error.issues[0];
  if (!first) return { message: 'Invalid request.', param: null };
  const issue = unwrapUnion(first);
  const base = issuePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = base === '' ? key : `${base}.${key}`;
    return { message: `Unrecognized request argument supplied: ${param}`, param };
  }
  const param = base === '' ? null : base;
  const where = param === null ? 'request body' : `'${param}'`;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { message: `Missing required parameter: ${where}.`, param };
  }
  const detail = issue.message.startsWith('Invalid discriminator value. Expected ')
    ? `must be one of ${issue.message.slice('Invalid discriminator value. Expected '.length)}`
    : hasCustomMessage(issue)
      ? issue.message
      : describeIssue(issue);
  return { message: `Invalid ${where}: ${detail}.`, param };
}
