/**
 * Server-sent events of streamed runs (§10): the event-name catalogue, delta payloads, a pure
 * incremental SSE parser (text chunks in → frames out), a decoder from frames to typed events,
 * and the encoder the emulator writes with. No Node or DOM APIs: runs in the browser, the proxy
 * and the emulator alike.
 */
import { z } from 'zod';
import { ApiError } from './common';
import { encodeSseFrame, type SseFrame } from './sse';
import { Message } from './message';
import { Run } from './run';
import { RunStep } from './run-step';
import { Thread } from './thread';

export const RUN_EVENT_NAMES = [
  'thread.run.created',
  'thread.run.queued',
  'thread.run.in_progress',
  'thread.run.requires_action',
  'thread.run.completed',
  'thread.run.incomplete',
  'thread.run.failed',
  'thread.run.cancelling',
  'thread.run.cancelled',
  'thread.run.expired',
] as const;
export const RUN_STEP_EVENT_NAMES = [
  'thread.run.step.created',
  'thread.run.step.in_progress',
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
] as const;
export const MESSAGE_EVENT_NAMES = [
  'thread.message.created',
  'thread.message.in_progress',
  'thread.message.completed',
  'thread.message.incomplete',
] as const;

/** Every `AssistantStreamEvent` name (§10.2). */
export const STREAM_EVENT_NAMES = [
  'thread.created',
  ...RUN_EVENT_NAMES,
  ...RUN_STEP_EVENT_NAMES,
  'thread.run.step.delta',
  ...MESSAGE_EVENT_NAMES,
  'thread.message.delta',
  'error',
  'done',
] as const;
export type StreamEventName = (typeof STREAM_EVENT_NAMES)[number];
export type RunEventName = (typeof RUN_EVENT_NAMES)[number];
export type RunStepEventName = (typeof RUN_STEP_EVENT_NAMES)[number];
export type MessageEventName = (typeof MESSAGE_EVENT_NAMES)[number];

// ---------------------------------------------------------------------------------------------
// Delta payloads
// ---------------------------------------------------------------------------------------------

/**
 * Position of a delta inside its parent array. Bounded: clients merge deltas by index, and an
 * unbounded index from a hostile or buggy server would let it allocate huge sparse arrays
 * (openai-node fixed the same in its AssistantStream).
 */
export const MAX_DELTA_INDEX = 4096;
export const DeltaIndex = z.int().min(0).max(MAX_DELTA_INDEX);

/** One content part fragment; every field except index/type is an optional fragment. */
export const MessageDeltaContent = z.looseObject({
  index: DeltaIndex,
  type: z.string(),
  text: z
    .looseObject({
      value: z.string().nullish(),
      annotations: z.array(z.looseObject({ index: DeltaIndex, type: z.string() })).nullish(),
    })
    .nullish(),
  image_file: z.looseObject({ file_id: z.string().nullish() }).nullish(),
  image_url: z.looseObject({ url: z.string().nullish() }).nullish(),
  refusal: z.string().nullish(),
});
export type MessageDeltaContent = z.infer<typeof MessageDeltaContent>;

export const MessageDelta = z.looseObject({
  id: z.string().min(1),
  object: z.literal('thread.message.delta'),
  delta: z.looseObject({
    role: z.string().nullish(),
    content: z.array(MessageDeltaContent).nullish(),
  }),
});
export type MessageDelta = z.infer<typeof MessageDelta>;

export const ToolCallDelta = z.looseObject({
  index: DeltaIndex,
  id: z.string().nullish(),
  type: z.string(),
  function: z
    .looseObject({ name: z.string().nullish(), arguments: z.string().nullish(), output: z.string().nullish() })
    .nullish(),
  code_interpreter: z
    .looseObject({
      input: z.string().nullish(),
      outputs: z.array(z.looseObject({ index: DeltaIndex, type: z.string() })).nullish(),
    })
    .nullish(),
  file_search: z.record(z.string(), z.unknown()).nullish(),
});
export type ToolCallDelta = z.infer<typeof ToolCallDelta>;

export const RunStepDelta = z.looseObject({
  id: z.string().min(1),
  object: z.literal('thread.run.step.delta'),
  delta: z.looseObject({
    step_details: z
      .looseObject({
        type: z.string(),
        message_creation: z.looseObject({ message_id: z.string().nullish() }).nullish(),
        tool_calls: z.array(ToolCallDelta).nullish(),
      })
      .nullish(),
  }),
});
export type RunStepDelta = z.infer<typeof RunStepDelta>;

// ---------------------------------------------------------------------------------------------
// Typed events
// ---------------------------------------------------------------------------------------------

export type StreamEvent =
  | { event: 'thread.created'; data: Thread }
  | { event: RunEventName; data: Run }
  | { event: RunStepEventName; data: RunStep }
  | { event: 'thread.run.step.delta'; data: RunStepDelta }
  | { event: MessageEventName; data: Message }
  | { event: 'thread.message.delta'; data: MessageDelta }
  | { event: 'error'; data: ApiError }
  | { event: 'done'; data: '[DONE]' };

/** Payload schema per event name ('done' and 'error' are handled specially). */
export const STREAM_EVENT_PAYLOADS: Record<Exclude<StreamEventName, 'done'>, z.ZodType> = {
  'thread.created': Thread,
  ...(Object.fromEntries(RUN_EVENT_NAMES.map((n) => [n, Run])) as Record<RunEventName, typeof Run>),
  ...(Object.fromEntries(RUN_STEP_EVENT_NAMES.map((n) => [n, RunStep])) as Record<RunStepEventName, typeof RunStep>),
  'thread.run.step.delta': RunStepDelta,
  ...(Object.fromEntries(MESSAGE_EVENT_NAMES.map((n) => [n, Message])) as Record<MessageEventName, typeof Message>),
  'thread.message.delta': MessageDelta,
  error: ApiError,
};

export * from './sse';

// ---------------------------------------------------------------------------------------------
// Decoding and encoding
// ---------------------------------------------------------------------------------------------

const KNOWN_EVENT_NAMES = new Set<string>(STREAM_EVENT_NAMES);
export function isStreamEventName(name: string): name is StreamEventName {
  return KNOWN_EVENT_NAMES.has(name);
}

export type DecodedStreamEvent =
  | { ok: true; event: StreamEvent }
  /** An event name we do not know: the spec says to ignore these; the UI may show them raw. */
  | { ok: false; reason: 'unknown_event'; event: string; data: unknown }
  | { ok: false; reason: 'bad_json'; event: string; raw: string }
  | { ok: false; reason: 'invalid_payload'; event: string; data: unknown; error: z.ZodError };

/**
 * Frame → typed event. `data: [DONE]` is `done` whatever the event name (clients stop there).
 * `error` data is accepted nested (`{"error":{...}}`, what the SDKs expect and the emulator
 * sends) or flat (`{...}`, what the spec documents) and is always returned flat.
 */
export function decodeStreamEvent(frame: SseFrame): DecodedStreamEvent {
  if (frame.data.trim() === '[DONE]') return { ok: true, event: { event: 'done', data: '[DONE]' } };
  let data: unknown;
  try {
    data = JSON.parse(frame.data);
  } catch {
    return { ok: false, reason: 'bad_json', event: frame.event, raw: frame.data };
  }
  const name = frame.event;
  if (!isStreamEventName(name) || name === 'done') {
    return { ok: false, reason: 'unknown_event', event: name, data };
  }
  if (name === 'error' && typeof data === 'object' && data !== null && 'error' in data) {
    data = (data as { error: unknown }).error;
  }
  const parsed = STREAM_EVENT_PAYLOADS[name].safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'invalid_payload', event: name, data, error: parsed.error };
  return { ok: true, event: { event: name, data: parsed.data } as StreamEvent };
}

/**
 * Encodes an event for the wire. `done` is written as `data: [DONE]`; `error` is wrapped as
 * `{"error":{...}}` (the SDK only raises on that shape, §10.4) unless already wrapped.
 */
export function encodeSseEvent(event: StreamEventName | (string & {}), data: unknown): string {
  if (event === 'done') return encodeSseFrame('done', '[DONE]');
  let payload = data;
  if (event === 'error' && !(typeof data === 'object' && data !== null && 'error' in data)) {
    payload = { error: data };
  }
  return encodeSseFrame(event, typeof payload === 'string' ? payload : JSON.stringify(payload));
}
