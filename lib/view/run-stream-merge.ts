/**
 * Merging a streamed run into what the page already shows: step snapshots replace/append by id, and message text
 * deltas append to the message by content index (the SDK's rule). Pure; ids are compared, never used as object
 * keys, and indexes are already bounded by the contract (DeltaIndex), so a hostile stream cannot blow up memory.
 */
import type { Message, MessageDelta, RunStep } from '@/lib/contract';

/** Steps oldest first with `step` replacing the one with the same id, or appended in creation order. */
export function upsertStep(steps: readonly RunStep[], step: RunStep): RunStep[] {
  const i = steps.findIndex((s) => s.id === step.id);
  if (i >= 0) return steps.map((s, j) => (j === i ? step : s));
  const next = [...steps, step];
  next.sort((a, b) => a.created_at - b.created_at);
  return next;
}

/** Applies a `thread.message.delta` to a message snapshot (text appended, other part types set). */
export function applyMessageDelta(message: Message, delta: MessageDelta): Message {
  if (delta.id !== message.id) return message;
  const content = [...message.content];
  for (const part of delta.delta.content ?? []) {
    const current = content[part.index];
    if (part.type === 'text') {
      const prev = current && current.type === 'text' && 'text' in current ? (current.text as { value: string; annotations?: unknown[] | null }) : null;
      content[part.index] = {
        type: 'text',
        text: { value: (prev?.value ?? '') + (part.text?.value ?? ''), annotations: prev?.annotations ?? [] },
      } as Message['content'][number];
    } else if (part.type === 'refusal') {
      const prev = current && current.type === 'refusal' && 'refusal' in current ? String(current.refusal) : '';
      content[part.index] = { type: 'refusal', refusal: prev + (part.refusal ?? '') } as Message['content'][number];
    } else if (part.type === 'image_file' && part.image_file?.file_id) {
      content[part.index] = { type: 'image_file', image_file: { file_id: part.image_file.file_id } } as Message['content'][number];
    }
  }
  // Fill holes left by out-of-order indexes so renderers never meet `undefined`.
  for (let i = 0; i < content.length; i++) {
    if (!content[i]) content[i] = { type: 'text', text: { value: '', annotations: [] } } as Message['content'][number];
  }
  return { ...message, content };
}
