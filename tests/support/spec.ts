/**
 * The official OpenAPI spec as a JSON-Schema validator, for contract tests.
 *
 *   import { validateAgainstSpec } from '@/tests/support/spec';
 *   const r = validateAgainstSpec('RunObject', body);   // { valid, errors: string[] }
 *   expect(r.errors).toEqual([]);                        // readable diff on failure
 *
 * Schema names are `components.schemas` keys of spec/openai-openapi.yaml (RunObject,
 * RunStepObject, MessageObject, ThreadObject, AssistantObject, ListRunsResponse,
 * ListRunStepsResponse, ListMessagesResponse, ListAssistantsResponse, DeleteThreadResponse,
 * ErrorResponse, CreateRunRequest, ...). `SPEC_RESPONSE_SCHEMA` maps endpoint ids (lib/contract
 * ENDPOINTS) to them.
 *
 * The YAML (3 MB) is parsed once and cached as JSON under node_modules/.cache/ (keyed by a hash
 * of the file), which cuts ~2 s per test file to ~50 ms. Ajv compiles lazily per schema name.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { prepareSpecSchemas } from '../contract/spec-prepare';
import { applyValueQuirks, checkQuirkPostconditions } from '../contract/spec-quirks';

export { SPEC_QUIRKS } from '../contract/spec-quirks';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
/** Override with RUNBOARD_SPEC_PATH; default is the copy vendored in spec/ (see spec/SOURCE.md). */
export const SPEC_PATH = process.env.RUNBOARD_SPEC_PATH ?? resolve(repoRoot, 'spec', 'openai-openapi.yaml');
const CACHE_DIR = join(repoRoot, 'node_modules', '.cache', 'runboard-spec');

type JsonObject = Record<string, unknown>;
export interface OpenApiDoc {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject> };
}

let docMemo: OpenApiDoc | undefined;

/** The parsed spec (memoised in-process, cached on disk as JSON). */
export function loadSpec(): OpenApiDoc {
  if (docMemo) return docMemo;
  const text = readFileSync(SPEC_PATH, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const cacheFile = join(CACHE_DIR, `openai-openapi.${hash}.json`);
  if (existsSync(cacheFile)) {
    try {
      docMemo = JSON.parse(readFileSync(cacheFile, 'utf8')) as OpenApiDoc;
    } catch {
      docMemo = undefined; // unreadable cache: fall through and re-parse the YAML
    }
  }
  if (!docMemo) {
    docMemo = parseYaml(text, { maxAliasCount: -1 }) as OpenApiDoc;
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      // Parallel vitest workers may race here: write a private temp file, then rename (atomic on
      // one filesystem), so a reader never sees a half-written cache.
      const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, JSON.stringify(docMemo));
      renameSync(tmp, cacheFile);
    } catch {
      // Read-only node_modules: fine, just slower.
    }
  }
  return docMemo;
}

export function specSchemaNames(): string[] {
  return Object.keys(loadSpec().components.schemas);
}

let ajvMemo: Ajv2020 | undefined;
const SPEC_ID = 'openai-spec';

/** One Ajv (draft 2020-12, what OpenAPI 3.1 uses) holding every component schema. */
function getAjv(): Ajv2020 {
  if (ajvMemo) return ajvMemo;
  const ajv = new Ajv2020({
    strict: false, // the spec carries x-* keys, `example`, `discriminator`, `deprecated`...
    allErrors: true,
    validateSchema: false, // the spec is not a valid JSON-Schema document as a whole
    // Spec unions (oneOf of open objects) can match several branches; allErrors keeps messages.
  });
  // ajv-formats is CJS with `module.exports = ...; exports.default = ...`; handle both shapes.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
  addFormats(ajv);
  // Spec-only formats. unixtime: integer seconds; the others are advisory for our purposes.
  ajv.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
  for (const f of ['binary', 'png', 'int64', 'double', 'float']) {
    if (!ajv.formats[f]) ajv.addFormat(f, true);
  }
  const schemas = prepareSpecSchemas(loadSpec().components.schemas);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas } });
  ajvMemo = ajv;
  return ajv;
}

const validators = new Map<string, ValidateFunction>();

/** Compiled validator for one component schema (throws if the name is unknown or it fails to compile). */
export function getSpecValidator(schemaName: string): ValidateFunction {
  const cached = validators.get(schemaName);
  if (cached) return cached;
  if (!(schemaName in loadSpec().components.schemas)) throw new Error(`No schema '${schemaName}' in the spec`);
  const ajv = getAjv();
  const validate = ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
  validators.set(schemaName, validate);
  return validate;
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  const extra = e.keyword === 'additionalProperties' ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : '';
  const allowed = e.keyword === 'enum' ? ` ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : '';
  return `${where} ${e.message ?? e.keyword}${extra}${allowed} (${e.schemaPath})`;
}

export interface SpecValidation {
  valid: boolean;
  /** Human-readable lines, `[]` when valid. */
  errors: string[];
  ajvErrors: ErrorObject[];
}

/**
 * Validates `value` against the spec's component schema `schemaName`.
 * By default the documented quirks in SPEC_QUIRKS are tolerated (and nothing else); pass
 * `{ quirks: false }` for the bare spec. The value is never mutated.
 */
export function validateAgainstSpec(schemaName: string, value: unknown, opts: { quirks?: boolean } = {}): SpecValidation {
  const useQuirks = opts.quirks ?? true;
  const validate = getSpecValidator(schemaName);
  const subject = useQuirks ? applyValueQuirks(schemaName, value) : value;
  const ok = validate(subject) as boolean;
  const ajvErrors = ok ? [] : [...(validate.errors ?? [])];
  const errors = ajvErrors.map(formatError);
  if (useQuirks) errors.push(...checkQuirkPostconditions(schemaName, value));
  return { valid: errors.length === 0, errors, ajvErrors };
}

/** Throws with all errors listed; handy outside `expect`. */
export function assertMatchesSpec(schemaName: string, value: unknown): void {
  const r = validateAgainstSpec(schemaName, value);
  if (!r.valid) throw new Error(`${schemaName} does not match the spec:\n  ${r.errors.join('\n  ')}`);
}

/** Spec component schema of each endpoint's JSON response (lib/contract ENDPOINTS ids). */
export const SPEC_RESPONSE_SCHEMA = {
  createRun: 'RunObject',
  createThreadAndRun: 'RunObject',
  listRuns: 'ListRunsResponse',
  getRun: 'RunObject',
  modifyRun: 'RunObject',
  submitToolOutputs: 'RunObject',
  cancelRun: 'RunObject',
  listRunSteps: 'ListRunStepsResponse',
  getRunStep: 'RunStepObject',
  getThread: 'ThreadObject',
  listMessages: 'ListMessagesResponse',
  getMessage: 'MessageObject',
  listAssistants: 'ListAssistantsResponse',
  getAssistant: 'AssistantObject',
  getFile: 'OpenAIFile',
  createAssistant: 'AssistantObject',
  createThread: 'ThreadObject',
  modifyThread: 'ThreadObject',
  deleteThread: 'DeleteThreadResponse',
  createMessage: 'MessageObject',
} as const;

/** Spec component schema of each endpoint's request body. */
export const SPEC_REQUEST_SCHEMA = {
  createRun: 'CreateRunRequest',
  createThreadAndRun: 'CreateThreadAndRunRequest',
  modifyRun: 'ModifyRunRequest',
  submitToolOutputs: 'SubmitToolOutputsRunRequest',
  createMessage: 'CreateMessageRequest',
  createThread: 'CreateThreadRequest',
  modifyThread: 'ModifyThreadRequest',
  createAssistant: 'CreateAssistantRequest',
} as const;

/**
 * Spec schema for the `data` of a streamed event (§10.2), or null for `done` / unknown names.
 * `error` maps to ErrorResponse (`{"error":{...}}`): the spec documents a bare Error, but the
 * SDKs only raise on the nested shape, which is what the emulator sends (§10.4).
 */
export function specSchemaForStreamEvent(event: string): string | null {
  if (event === 'thread.created') return 'ThreadObject';
  if (event === 'thread.run.step.delta') return 'RunStepDeltaObject';
  if (event === 'thread.message.delta') return 'MessageDeltaObject';
  if (event.startsWith('thread.run.step.')) return 'RunStepObject';
  if (event.startsWith('thread.run.')) return 'RunObject';
  if (event.startsWith('thread.message.')) return 'MessageObject';
  if (event === 'error') return 'ErrorResponse';
  return null;
}
