/**
 * The allow-list of spec quirks (where spec/openai-openapi.yaml and the API reference disagree) that `validateAgainstSpec`
 * tolerates. Each entry is a place where the spec's schema disagrees with the API's real,
 * documented behaviour; an emulator response that matches the real API must not fail because of
 * it. Anything NOT listed here is a real contract violation.
 *
 * Implemented on a copy of the value (never on the schema), so every other check of the object
 * still runs, and with post-conditions so a quirk cannot hide a different bug (e.g. a null
 * cursor on a non-empty page).
 */
type Obj = Record<string, unknown>;

export const SPEC_QUIRKS = [
  {
    id: 'null-list-cursors',
    doc: '§13.5, §8',
    schemas: ['ListRunsResponse', 'ListRunStepsResponse', 'ListMessagesResponse', 'ListAssistantsResponse'],
    rule: 'first_id/last_id are typed string but are null when data is empty. Allowed only for empty pages.',
  },
  {
    id: 'run-instructions-null',
    doc: '§13.3',
    schemas: ['RunObject', 'ListRunsResponse'],
    rule: 'RunObject.instructions is typed string but spec examples and real runs show null.',
  },
  {
    id: 'step-expires-at',
    doc: '§13.1',
    schemas: ['RunStepObject', 'ListRunStepsResponse'],
    rule: 'A step may carry expires_at (spec examples, real streams) instead of the schema\'s expired_at; the value must still be an integer or null.',
  },
] as const;

export type SpecQuirkId = (typeof SPEC_QUIRKS)[number]['id'];

const LIST_SCHEMAS = new Set<string>(SPEC_QUIRKS[0].schemas);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fixRun(run: unknown): unknown {
  if (!isObj(run) || run.instructions !== null) return run;
  return { ...run, instructions: '' };
}

function fixStep(step: unknown): unknown {
  if (!isObj(step) || 'expired_at' in step || !('expires_at' in step)) return step;
  const { expires_at, ...rest } = step;
  return { ...rest, expired_at: expires_at };
}

const ITEM_FIX: Record<string, (v: unknown) => unknown> = {
  RunObject: fixRun,
  ListRunsResponse: fixRun,
  RunStepObject: fixStep,
  ListRunStepsResponse: fixStep,
};

/** Copy of `value` with the tolerated quirks normalised to what the schema expects. */
export function applyValueQuirks(schemaName: string, value: unknown): unknown {
  if (!isObj(value)) return value;
  let out: Obj = value;
  const fix = ITEM_FIX[schemaName];
  if (LIST_SCHEMAS.has(schemaName)) {
    const data = Array.isArray(value.data) ? value.data : null;
    out = { ...value };
    if (data && data.length === 0) {
      if (out.first_id === null) out.first_id = '';
      if (out.last_id === null) out.last_id = '';
    }
    if (data && fix) out.data = data.map(fix);
    return out;
  }
  return fix ? fix(value) : value;
}

/** Errors the quirks must not hide. */
export function checkQuirkPostconditions(schemaName: string, value: unknown): string[] {
  const errors: string[] = [];
  if (!isObj(value)) return errors;
  if (LIST_SCHEMAS.has(schemaName) && Array.isArray(value.data) && value.data.length > 0) {
    for (const key of ['first_id', 'last_id'] as const) {
      if (value[key] === null) errors.push(`/${key} is null on a non-empty page (quirk null-list-cursors only covers empty pages)`);
    }
    const first = value.data[0] as Obj | undefined;
    const last = value.data[value.data.length - 1] as Obj | undefined;
    if (typeof value.first_id === 'string' && first && value.first_id !== first.id) {
      errors.push(`/first_id '${value.first_id}' is not the id of data[0] ('${String(first.id)}')`);
    }
    if (typeof value.last_id === 'string' && last && value.last_id !== last.id) {
      errors.push(`/last_id '${value.last_id}' is not the id of the last item ('${String(last.id)}')`);
    }
  }
  return errors;
}
