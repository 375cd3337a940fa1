/**
 * Shared building blocks of the Assistants v2 contract: ids, timestamps, metadata, the list
 * envelope, list queries and the error envelope. Imports zod only (browser + server safe).
 *
 * Convention: schema and inferred type share a name (`export const X = ...; export type X = ...`).
 * Response shapes are tolerant (z.looseObject keeps unknown keys; fields that real servers or
 * facades omit are `.nullish()`), request shapes are strict (z.strictObject, API limits enforced).
 */
import { z } from 'zod';
import { FILE_SEARCH_CONTENT_INCLUDE, ID_PATTERN, METADATA_LIMITS } from './kinds';

// The zod-free values live in kinds.ts (browser code imports them without the schemas); re-exported here.
export { isOneOf, METADATA_LIMITS, FILE_SEARCH_CONTENT_INCLUDE, ID_PATTERN } from './kinds';

// ---------------------------------------------------------------------------------------------
// IDs
// ---------------------------------------------------------------------------------------------


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

// Issue formatting lives in its own file; re-exported so '@/lib/contract' and './common' both have it.
export { formatZodIssues, issuePath } from './issues';
