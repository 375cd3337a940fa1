import { describe, expect, it } from 'vitest';
import type { Message, MessageDelta, RunStep } from '@/lib/contract';
import { applyMessageDelta, upsertStep } from './run-stream-merge';

const step = (id: string, created_at: number, status = 'in_progress') =>
  ({ id, object: 'thread.run.step', created_at, thread_id: 't', run_id: 'r', type: 'message_creation', status, step_details: { type: 'message_creation', message_creation: { message_id: 'msg_1' } } }) as RunStep;
const message = (content: Message['content'] = []) =>
  ({ id: 'msg_1', object: 'thread.message', created_at: 1, thread_id: 't', role: 'assistant', content }) as Message;
const delta = (content: NonNullable<MessageDelta['delta']['content']>, id = 'msg_1') => ({ id, object: 'thread.message.delta', delta: { content } }) as MessageDelta;

describe('upsertStep', () => {
  it('replaces a step by id and appends new ones in creation order', () => {
    const a = step('step_a', 10);
    const b = step('step_b', 20);
    expect(upsertStep([a, b], step('step_a', 10, 'completed')).map((s) => [s.id, s.status])).toEqual([
      ['step_a', 'completed'],
      ['step_b', 'in_progress'],
    ]);
    expect(upsertStep([b], a).map((s) => s.id)).toEqual(['step_a', 'step_b']);
  });
});

describe('applyMessageDelta', () => {
  it('appends text fragments by content index', () => {
    let m = message();
    m = applyMessageDelta(m, delta([{ index: 0, type: 'text', text: { value: 'Hel', annotations: [] } }]));
    m = applyMessageDelta(m, delta([{ index: 0, type: 'text', text: { value: 'lo' } }]));
    expect(m.content).toEqual([{ type: 'text', text: { value: 'Hello', annotations: [] } }]);
  });

  it('ignores deltas for another message and fills holes from out-of-order indexes', () => {
    const m = message();
    expect(applyMessageDelta(m, delta([{ index: 0, type: 'text', text: { value: 'x' } }], 'msg_2'))).toBe(m);
    const holes = applyMessageDelta(m, delta([{ index: 2, type: 'text', text: { value: 'late' } }]));
    expect(holes.content.map((p) => (p.type === 'text' && 'text' in p ? (p.text as { value: string }).value : p.type))).toEqual(['', '', 'late']);
  });

  it('accumulates refusals and sets image parts', () => {
    let m = applyMessageDelta(message(), delta([{ index: 0, type: 'refusal', refusal: 'I can' }]));
    m = applyMessageDelta(m, delta([{ index: 0, type: 'refusal', refusal: 'not.' }, { index: 1, type: 'image_file', image_file: { file_id: 'file-1' } }]));
    expect(m.content).toEqual([
      { type: 'refusal', refusal: 'I cannot.' },
      { type: 'image_file', image_file: { file_id: 'file-1' } },
    ]);
  });
});
