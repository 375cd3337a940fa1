import { describe, expect, it } from 'vitest';
import * as fx from '@/tests/contract/fixtures';
import {
  ApiErrorEnvelope,
  Assistant,
  ListOf,
  Message,
  OpenAIFile,
  Run,
  RunStep,
  Thread,
  ThreadDeleted,
  isActiveRunStatus,
  isKnownMessageContent,
  isKnownRunStatus,
  isKnownStepDetails,
  isKnownToolCall,
  isTerminalRunStatus,
  stepExpiredAt,
} from './index';

describe('full v2 objects parse', () => {
  it.each([
    ['run', Run, fx.run],
    ['requires_action run', Run, fx.requiresActionRun],
    ['failed run', Run, fx.failedRun],
    ['message step', RunStep, fx.messageStep],
    ['tool step', RunStep, fx.toolStep],
    ['message', Message, fx.message],
    ['thread', Thread, fx.thread],
    ['assistant', Assistant, fx.assistant],
    ['file', OpenAIFile, fx.file],
    ['deleted thread', ThreadDeleted, fx.threadDeleted],
    ['error', ApiErrorEnvelope, fx.errorEnvelope],
    ['list of runs', ListOf(Run), fx.listOf([fx.run, fx.failedRun], true)],
  ] as const)('%s', (_name, schema, value) => {
    const r = schema.safeParse(value);
    expect(r.error?.issues ?? []).toEqual([]);
  });
});

describe('tolerant reading', () => {
  it('keeps unknown keys (looseObject) so raw JSON views show everything', () => {
    const parsed = Run.parse({ ...fx.run, x_vendor_trace: 'abc' });
    expect(parsed.x_vendor_trace).toBe('abc');
  });

  it('parses a sparse facade run with only the core fields', () => {
    const parsed = Run.parse(fx.sparseRun);
    expect(parsed.status).toBe('in_progress');
    expect(parsed.required_action).toBeUndefined();
  });

  it('parses a v1 run: retrieval tool, file_ids, instructions null, usage extras, tool_resources', () => {
    const parsed = Run.parse(fx.v1Run);
    expect(parsed.tools?.map((t) => t.type)).toEqual(['retrieval', 'code_interpreter']);
    expect(parsed.file_ids).toEqual(['file-abc']);
    expect(parsed.instructions).toBeNull();
    expect(parsed.usage?.prompt_token_details).toEqual({ cached_tokens: 0 });
    expect(parsed.tool_resources).toEqual({ code_interpreter: { file_ids: [] } });
  });

  it('parses a 2023 step: assistant.run.step, expires_at spelling, retrieval call', () => {
    const parsed = RunStep.parse(fx.v1Step);
    expect(parsed.object).toBe('assistant.run.step');
    expect(stepExpiredAt(parsed)).toBe(fx.v1Step.expires_at);
    expect(stepExpiredAt(RunStep.parse(fx.messageStep))).toBeNull();
    const details = parsed.step_details;
    expect(isKnownStepDetails(details) && details.type === 'tool_calls' && details.tool_calls[0]?.type).toBe('retrieval');
  });

  it('parses a v1 message (no status, file_ids, file_citation.quote)', () => {
    const parsed = Message.parse(fx.v1Message);
    expect(parsed.status).toBeUndefined();
    const part = parsed.content[0];
    expect(part && isKnownMessageContent(part) && part.type === 'text' && part.text.annotations?.[0]).toMatchObject({
      file_citation: { quote: 'the quote' },
    });
  });

  it('accepts an unknown run status but exposes it as not known', () => {
    const parsed = Run.parse({ ...fx.sparseRun, status: 'pending_review' });
    expect(parsed.status).toBe('pending_review');
    expect(isKnownRunStatus(parsed.status)).toBe(false);
    expect(isActiveRunStatus(parsed.status)).toBe(false);
    expect(isTerminalRunStatus(parsed.status)).toBe(false);
  });

  it('classifies known statuses: incomplete is terminal, requires_action is active', () => {
    expect(isTerminalRunStatus('incomplete')).toBe(true);
    expect(isActiveRunStatus('requires_action')).toBe(true);
    expect(isActiveRunStatus('cancelling')).toBe(true);
    expect(isTerminalRunStatus('cancelling')).toBe(false);
  });

  it('keeps unknown tool call, code output, step detail and content types as raw objects', () => {
    const step = RunStep.parse({
      ...fx.toolStep,
      step_details: {
        type: 'tool_calls',
        tool_calls: [
          { id: 'call_x', type: 'web_browser', web_browser: { url: 'https://x' } },
          { id: 'call_ci', type: 'code_interpreter', code_interpreter: { input: '', outputs: [{ type: 'video', video: {} }] } },
        ],
      },
    });
    const calls = step.step_details.type === 'tool_calls' ? (step.step_details.tool_calls as unknown[]) : [];
    expect(calls[0]).toEqual({ id: 'call_x', type: 'web_browser', web_browser: { url: 'https://x' } });
    const [unknownCall] = calls as Parameters<typeof isKnownToolCall>[0][];
    expect(unknownCall && isKnownToolCall(unknownCall)).toBe(false);

    const futureStep = RunStep.parse({ ...fx.messageStep, type: 'reasoning', step_details: { type: 'reasoning', summary: 'x' } });
    expect(isKnownStepDetails(futureStep.step_details)).toBe(false);

    const msg = Message.parse({ ...fx.message, content: [{ type: 'audio', audio: { id: 'a' } }] });
    expect(msg.content[0]).toEqual({ type: 'audio', audio: { id: 'a' } });
    expect(msg.content[0] && isKnownMessageContent(msg.content[0])).toBe(false);
  });

  it('parses error envelopes from Azure: numeric-string code, no type, extras', () => {
    expect(ApiErrorEnvelope.parse(fx.azureGatewayError).error.code).toBe('429');
    const filtered = ApiErrorEnvelope.parse(fx.azureContentFilterError);
    expect(filtered.error.type).toBeNull();
    expect(filtered.error.innererror).toMatchObject({ code: 'ResponsibleAIPolicyViolation' });
  });

  it('accepts null and missing list cursors', () => {
    const empty = ListOf(Run).parse({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
    expect(empty.first_id).toBeNull();
    expect(ListOf(Run).parse({ object: 'list', data: [] }).has_more).toBe(false);
  });
});

describe('strict where the UI depends on it', () => {
  it.each([
    ['millisecond timestamp', { ...fx.sparseRun, created_at: 1_760_000_000_000 }, 'created_at'],
    ['ISO timestamp', { ...fx.sparseRun, created_at: '2025-10-09T00:00:00Z' }, 'created_at'],
    ['fractional timestamp', { ...fx.sparseRun, completed_at: 1.5 }, 'completed_at'],
    ['missing id', { ...fx.sparseRun, id: undefined }, 'id'],
    ['empty id', { ...fx.sparseRun, id: '' }, 'id'],
    ['wrong object', { ...fx.sparseRun, object: 'thread.message' }, 'object'],
    ['numeric status', { ...fx.sparseRun, status: 3 }, 'status'],
    ['empty status', { ...fx.sparseRun, status: '' }, 'status'],
  ])('rejects a run with %s', (_name, value, path) => {
    const r = Run.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([path]);
  });

  it('rejects a known tool call type with a malformed body instead of hiding it as unknown', () => {
    const r = RunStep.safeParse({
      ...fx.toolStep,
      step_details: { type: 'tool_calls', tool_calls: [{ id: 'call_1', type: 'function' }] },
    });
    expect(r.success).toBe(false);
  });

  it('rejects a message with an unknown role', () => {
    expect(Message.safeParse({ ...fx.message, role: 'system' }).success).toBe(false);
  });
});
