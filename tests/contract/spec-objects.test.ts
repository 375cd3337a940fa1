/**
 * Response objects: our fixtures (the exact v2 wire shape) must satisfy the spec's component
 * schemas AND our zod readers; the readers must be at least as permissive as the spec (anything
 * the spec accepts, we parse). Also pins down what validateAgainstSpec tolerates (SPEC_QUIRKS)
 * and that it still catches real violations.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as C from '@/lib/contract';
import { SPEC_QUIRKS, getSpecValidator, specSchemaForStreamEvent, specSchemaNames, validateAgainstSpec } from '@/tests/support/spec';
import * as fx from './fixtures';

const messageDelta = {
  id: 'msg_abc123',
  object: 'thread.message.delta',
  delta: { content: [{ index: 0, type: 'text', text: { value: 'Hel', annotations: [] } }] },
};
const stepDelta = {
  id: 'step_tool1',
  object: 'thread.run.step.delta',
  delta: {
    step_details: {
      type: 'tool_calls',
      tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '', output: null } }],
    },
  },
};

const CASES: [string, string, z.ZodType, unknown][] = [
  ['run (completed)', 'RunObject', C.Run, fx.run],
  ['run (requires_action)', 'RunObject', C.Run, fx.requiresActionRun],
  ['run (failed)', 'RunObject', C.Run, fx.failedRun],
  ['step (message_creation)', 'RunStepObject', C.RunStep, fx.messageStep],
  ['step (tool_calls: function, code_interpreter, file_search)', 'RunStepObject', C.RunStep, fx.toolStep],
  ['message (all content types)', 'MessageObject', C.Message, fx.message],
  ['thread', 'ThreadObject', C.Thread, fx.thread],
  ['assistant', 'AssistantObject', C.Assistant, fx.assistant],
  ['file', 'OpenAIFile', C.OpenAIFile, fx.file],
  ['deleted thread', 'DeleteThreadResponse', C.ThreadDeleted, fx.threadDeleted],
  ['error', 'ErrorResponse', C.ApiErrorEnvelope, fx.errorEnvelope],
  ['list of runs', 'ListRunsResponse', C.ListOf(C.Run), fx.listOf([fx.run, fx.requiresActionRun], true)],
  ['list of steps', 'ListRunStepsResponse', C.ListOf(C.RunStep), fx.listOf([fx.messageStep, fx.toolStep])],
  ['list of messages', 'ListMessagesResponse', C.ListOf(C.Message), fx.listOf([fx.message])],
  ['list of assistants', 'ListAssistantsResponse', C.ListOf(C.Assistant), fx.listOf([fx.assistant])],
  ['message delta', 'MessageDeltaObject', C.MessageDelta, messageDelta],
  ['run step delta', 'RunStepDeltaObject', C.RunStepDelta, stepDelta],
];

describe('spec schemas compile', () => {
  it('every component schema in the spec compiles with Ajv', () => {
    const failures: string[] = [];
    for (const name of specSchemaNames()) {
      try {
        getSpecValidator(name);
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(specSchemaNames().length).toBeGreaterThan(500);
    // Compiling 500+ schemas takes several seconds idle and passed 30 s on a loaded 2-core machine.
  }, 180_000);
});

describe.each(CASES)('%s', (_label, specName, schema, value) => {
  it(`matches the spec's ${specName} without any quirk`, () => {
    expect(validateAgainstSpec(specName, value, { quirks: false }).errors).toEqual([]);
  });
  it('parses with our zod reader', () => {
    expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
  });
});

describe('validateAgainstSpec catches real violations', () => {
  it.each([
    ['unknown run status', 'RunObject', { ...fx.run, status: 'pending' }, '/status'],
    ['missing REQ key', 'RunObject', (({ required_action: _r, ...rest }) => rest)(fx.run), 'required_action'],
    ['ISO timestamp', 'RunObject', { ...fx.run, created_at: '2025-01-01T00:00:00Z' }, '/created_at'],
    ['fractional timestamp', 'RunStepObject', { ...fx.messageStep, completed_at: 1.5 }, '/completed_at'],
    ['wrong object', 'MessageObject', { ...fx.message, object: 'message' }, '/object'],
    ['bad role', 'MessageObject', { ...fx.message, role: 'system' }, '/role'],
    ['step type', 'RunStepObject', { ...fx.messageStep, type: 'thinking' }, '/type'],
    ['error without type', 'ErrorResponse', { error: { message: 'x', param: null, code: null } }, 'type'],
    ['has_more missing', 'ListRunsResponse', (({ has_more: _h, ...rest }) => rest)(fx.listOf([fx.run])), 'has_more'],
  ])('%s', (_label, specName, value, needle) => {
    const r = validateAgainstSpec(specName, value);
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toContain(needle);
  });
});

describe('SPEC_QUIRKS (the documented allow-list) and nothing more', () => {
  it('lists each quirk with its source', () => {
    expect(SPEC_QUIRKS.map((q) => q.id)).toEqual(['null-list-cursors', 'run-instructions-null', 'step-expires-at']);
  });

  it('null cursors: allowed on an empty page only', () => {
    const empty = { object: 'list', data: [], first_id: null, last_id: null, has_more: false };
    for (const name of ['ListRunsResponse', 'ListRunStepsResponse', 'ListMessagesResponse', 'ListAssistantsResponse']) {
      expect(validateAgainstSpec(name, empty).errors).toEqual([]);
      expect(validateAgainstSpec(name, empty, { quirks: false }).valid).toBe(false);
    }
    const nonEmpty = { ...fx.listOf([fx.run]), first_id: null };
    expect(validateAgainstSpec('ListRunsResponse', nonEmpty).errors.join('\n')).toContain('null on a non-empty page');
  });

  it('cursors must name the first and last item', () => {
    const wrong = { ...fx.listOf([fx.run, fx.failedRun]), last_id: fx.run.id };
    expect(validateAgainstSpec('ListRunsResponse', wrong).errors.join('\n')).toContain('/last_id');
  });

  it('run instructions null: allowed, also inside lists', () => {
    const run = { ...fx.run, instructions: null };
    expect(validateAgainstSpec('RunObject', run).errors).toEqual([]);
    expect(validateAgainstSpec('ListRunsResponse', fx.listOf([run])).errors).toEqual([]);
    expect(validateAgainstSpec('RunObject', run, { quirks: false }).valid).toBe(false);
    expect(validateAgainstSpec('RunObject', { ...fx.run, instructions: 5 }).valid).toBe(false);
  });

  it('step expires_at in place of expired_at: allowed, but must still be a timestamp', () => {
    const { expired_at: _e, ...rest } = fx.messageStep;
    expect(validateAgainstSpec('RunStepObject', { ...rest, expires_at: null }).errors).toEqual([]);
    expect(validateAgainstSpec('RunStepObject', { ...rest, expires_at: null }, { quirks: false }).valid).toBe(false);
    expect(validateAgainstSpec('RunStepObject', { ...rest, expires_at: 'soon' }).valid).toBe(false);
    expect(validateAgainstSpec('RunStepObject', rest).valid).toBe(false); // neither spelling
  });

  it('does not mutate the value it checks', () => {
    const run = { ...fx.run, instructions: null };
    validateAgainstSpec('RunObject', run);
    expect(run.instructions).toBeNull();
  });
});

describe('tolerant-only samples: our readers accept what the spec (rightly) rejects', () => {
  it.each([
    ['sparse facade run', 'RunObject', C.Run, fx.sparseRun],
    ['v1 run', 'RunObject', C.Run, fx.v1Run],
    ['2023 step', 'RunStepObject', C.RunStep, fx.v1Step],
    ['v1 message', 'MessageObject', C.Message, fx.v1Message],
    ['Azure gateway error', 'ErrorResponse', C.ApiErrorEnvelope, fx.azureGatewayError],
  ] as const)('%s', (_label, specName, schema, value) => {
    expect(validateAgainstSpec(specName, value).valid).toBe(false);
    expect(schema.safeParse(value).success).toBe(true);
  });
});

describe('specSchemaForStreamEvent', () => {
  it('maps every event name of the catalogue (done has no payload schema)', () => {
    for (const name of C.STREAM_EVENT_NAMES) {
      const schema = specSchemaForStreamEvent(name);
      if (name === 'done') expect(schema).toBeNull();
      else expect(specSchemaNames()).toContain(schema);
    }
    expect(specSchemaForStreamEvent('thread.run.step.completed')).toBe('RunStepObject');
    expect(specSchemaForStreamEvent('thread.run.requires_action')).toBe('RunObject');
  });
});
