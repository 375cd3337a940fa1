import { describe, expect, it } from 'vitest';
import * as fx from '@/tests/contract/fixtures';
import {
  STREAM_EVENT_NAMES,
  createSseParser,
  decodeStreamEvent,
  encodeSseEvent,
  flushSse,
  parseSseChunk,
  type SseFrame,
} from './index';

const messageDelta = {
  id: 'msg_abc123',
  object: 'thread.message.delta',
  delta: { content: [{ index: 0, type: 'text', text: { value: 'Hel', annotations: [] } }] },
};
const stepDelta = {
  id: 'step_tool1',
  object: 'thread.run.step.delta',
  delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '', output: null } }] } },
};

const stream = [
  encodeSseEvent('thread.run.created', { ...fx.run, status: 'queued' }),
  encodeSseEvent('thread.run.step.delta', stepDelta),
  encodeSseEvent('thread.message.delta', messageDelta),
  encodeSseEvent('thread.run.completed', fx.run),
  encodeSseEvent('done', '[DONE]'),
].join('');

/** Feeds `text` in pieces of `size` characters. */
function feed(text: string, size: number): SseFrame[] {
  const parser = createSseParser();
  const frames: SseFrame[] = [];
  for (let i = 0; i < text.length; i += size) frames.push(...parser.push(text.slice(i, i + size)));
  frames.push(...parser.end());
  return frames;
}

describe('SSE framing', () => {
  it('yields the same frames however the text is split', () => {
    const whole = feed(stream, stream.length);
    expect(whole.map((f) => f.event)).toEqual([
      'thread.run.created',
      'thread.run.step.delta',
      'thread.message.delta',
      'thread.run.completed',
      'done',
    ]);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(feed(stream, size)).toEqual(whole);
  });

  it('handles CRLF split between chunks, comments, multi-line data and a missing space after the colon', () => {
    let { frames, rest } = parseSseChunk('', ': keep-alive\r\nevent:x\r\ndata: a\r');
    expect(frames).toEqual([]);
    ({ frames, rest } = parseSseChunk(rest, '\ndata:b\r\n\r\n'));
    expect(frames).toEqual([{ event: 'x', data: 'a\nb' }]);
    expect(rest).toBe('');
  });

  it('defaults the event name to message and skips frames without data', () => {
    const { frames } = parseSseChunk('', 'data: {}\n\nevent: ping\n\n');
    expect(frames).toEqual([{ event: 'message', data: '{}' }]);
  });

  it('keeps an unterminated frame until the end, then flushes it', () => {
    const { frames, rest } = parseSseChunk('', 'event: done\ndata: [DONE]');
    expect(frames).toEqual([]);
    expect(flushSse(rest)).toEqual([{ event: 'done', data: '[DONE]' }]);
  });
});

describe('decodeStreamEvent', () => {
  it('types known events with their payload schema', () => {
    const decoded = feed(stream, 5).map(decodeStreamEvent);
    expect(decoded.every((d) => d.ok)).toBe(true);
    const first = decoded[0];
    expect(first?.ok && first.event.event === 'thread.run.created' && first.event.data.status).toBe('queued');
    expect(decoded.at(-1)).toEqual({ ok: true, event: { event: 'done', data: '[DONE]' } });
  });

  it('treats data: [DONE] as done whatever the event name', () => {
    expect(decodeStreamEvent({ event: 'message', data: '[DONE]' })).toEqual({ ok: true, event: { event: 'done', data: '[DONE]' } });
  });

  it('accepts error data nested (SDK style) and flat (spec style), returns it flat', () => {
    const err = { message: 'boom', type: 'server_error', param: null, code: null };
    for (const data of [{ error: err }, err]) {
      const d = decodeStreamEvent({ event: 'error', data: JSON.stringify(data) });
      expect(d).toEqual({ ok: true, event: { event: 'error', data: err } });
    }
  });

  it('reports unknown events, bad JSON and invalid payloads without throwing', () => {
    expect(decodeStreamEvent({ event: 'thread.run.step.thinking', data: '{"a":1}' })).toMatchObject({ ok: false, reason: 'unknown_event', data: { a: 1 } });
    expect(decodeStreamEvent({ event: 'thread.run.created', data: '{"id":' })).toMatchObject({ ok: false, reason: 'bad_json' });
    expect(decodeStreamEvent({ event: 'thread.run.created', data: '{"id":"run_1"}' })).toMatchObject({ ok: false, reason: 'invalid_payload' });
  });

  it('rejects delta indexes that are negative or huge (sparse-array allocation guard)', () => {
    const bad = { ...messageDelta, delta: { content: [{ index: 1e9, type: 'text', text: { value: 'x' } }] } };
    expect(decodeStreamEvent({ event: 'thread.message.delta', data: JSON.stringify(bad) }).ok).toBe(false);
  });
});

describe('encodeSseEvent', () => {
  it('writes event/data lines and a blank line, done as [DONE], errors wrapped', () => {
    expect(encodeSseEvent('thread.run.queued', { a: 1 })).toBe('event: thread.run.queued\ndata: {"a":1}\n\n');
    expect(encodeSseEvent('done', undefined)).toBe('event: done\ndata: [DONE]\n\n');
    expect(encodeSseEvent('error', { message: 'x' })).toBe('event: error\ndata: {"error":{"message":"x"}}\n\n');
  });

  it('round-trips through the parser for every event name', () => {
    for (const name of STREAM_EVENT_NAMES) {
      const [frame] = feed(encodeSseEvent(name, { n: name }), 3);
      expect(frame?.event).toBe(name);
    }
  });
});
