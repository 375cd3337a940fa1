/**
 * Streaming deltas, as the API sends them (§6.2, §10.3 of the digest): tool calls arrive as an
 * announcement (`id`, `name`, empty `arguments`) followed by argument fragments; message text
 * arrives in word chunks, the first carrying `annotations: []`.
 */
import type { MessageRec, RunRec, StepRec } from '../store';
import type { MessageContent } from '../wire';
import { emit } from './apply';

function stepDelta(step: StepRec, toolCalls: unknown[]) {
  return {
    id: step.id,
    object: 'thread.run.step.delta',
    delta: { step_details: { type: 'tool_calls', tool_calls: toolCalls } },
  };
}

/** Splits text into pieces of a few words, keeping the whitespace (concatenation = original). */
export function wordChunks(text: string, wordsPerChunk = 2): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}

/** Fixed-size fragments for JSON arguments (they are not made of words). */
function fragments(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function emitStepCallDeltas(run: RunRec, step: StepRec): void {
  const details = step.wire.step_details;
  if (details.type !== 'tool_calls') return;
  details.tool_calls.forEach((call, index) => {
    if (call.type === 'function') {
      const { name, arguments: args } = call.function;
      emit(run, 'thread.run.step.delta', stepDelta(step, [{ index, id: call.id, type: 'function', function: { name, arguments: '', output: null } }]));
      for (const piece of fragments(args, 12)) {
        emit(run, 'thread.run.step.delta', stepDelta(step, [{ index, type: 'function', function: { arguments: piece } }]));
      }
    } else if (call.type === 'code_interpreter') {
      emit(run, 'thread.run.step.delta', stepDelta(step, [{ index, id: call.id, type: 'code_interpreter', code_interpreter: { input: '', outputs: [] } }]));
      for (const line of call.code_interpreter.input.match(/[^\n]*\n?/g)?.filter(Boolean) ?? []) {
        emit(run, 'thread.run.step.delta', stepDelta(step, [{ index, type: 'code_interpreter', code_interpreter: { input: line } }]));
      }
    } else {
      emit(run, 'thread.run.step.delta', stepDelta(step, [{ index, id: call.id, type: 'file_search', file_search: {} }]));
    }
  });
}

/** Code interpreter outputs (logs, images) arrive as one delta when the tool finishes. */
export function emitStepOutputDeltas(run: RunRec, step: StepRec): void {
  const details = step.wire.step_details;
  if (details.type !== 'tool_calls') return;
  details.tool_calls.forEach((call, index) => {
    if (call.type !== 'code_interpreter' || call.code_interpreter.outputs.length === 0) return;
    const outputs = call.code_interpreter.outputs.map((o, i) => ({ index: i, ...o }));
    emit(run, 'thread.run.step.delta', stepDelta(step, [{ index, type: 'code_interpreter', code_interpreter: { outputs } }]));
  });
}

export function emitMessageDeltas(run: RunRec, message: MessageRec, content: MessageContent[]): void {
  const delta = (part: unknown) => ({ id: message.id, object: 'thread.message.delta', delta: { content: [part] } });
  content.forEach((part, index) => {
    if (part.type === 'text') {
      wordChunks(part.text.value).forEach((value, i) => {
        const text = i === 0 ? { value, annotations: [] } : { value };
        emit(run, 'thread.message.delta', delta({ index, type: 'text', text }));
      });
      if (part.text.annotations.length > 0) {
        const annotations = part.text.annotations.map((a, i) => ({ index: i, ...a }));
        emit(run, 'thread.message.delta', delta({ index, type: 'text', text: { annotations } }));
      }
    } else {
      emit(run, 'thread.message.delta', delta({ index, ...part }));
    }
  });
}
