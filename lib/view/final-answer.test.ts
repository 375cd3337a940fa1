import { describe, expect, it } from 'vitest';
import { finalAnswerOf } from './final-answer';

const text = (value: string) => ({ type: 'text', text: { value } });
const user = { id: 'msg_u', role: 'user', content: [text('Where is my refund?')] };
const answer = { id: 'msg_a', role: 'assistant', content: [text('Refunded today.')] };
const empty = { id: 'msg_e', role: 'assistant', content: [text('  ')] };

describe('finalAnswerOf', () => {
  it('is the newest assistant message', () => {
    expect(finalAnswerOf('completed', [answer, user])?.id).toBe('msg_a');
    expect(finalAnswerOf('completed', [user, { ...answer, id: 'msg_old' }])?.id).toBe('msg_old');
  });

  it('takes an empty message only from a completed run', () => {
    expect(finalAnswerOf('completed', [empty, answer])?.id).toBe('msg_e');
    expect(finalAnswerOf('failed', [empty, answer])).toBeUndefined();
    expect(finalAnswerOf('failed', [{ ...empty, content: [{ type: 'image_file' }] }])?.id).toBe('msg_e');
  });

  it('is nothing without an assistant message', () => {
    expect(finalAnswerOf('completed', [user])).toBeUndefined();
    expect(finalAnswerOf('completed', undefined)).toBeUndefined();
  });
});
