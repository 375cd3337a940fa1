/**
 * Gantt rows for a run's steps and the one-line summary each step shows in the list. Pure and linear in the
 * number of steps (runs can have hundreds). Rows are positioned as fractions of the run's span so the component
 * only multiplies by its width.
 */
import { functionCallsOf, stepEndedAt, stepsOldestFirst, type StepLike, type ToolCallLike } from './run-shapes';

export type StepBar = {
  id: string;
  status: string;
  start: number;
  /** Null while the step runs (drawn up to now). */
  end: number | null;
  duration: number;
  /** 0..1 positions inside [spanStart, spanEnd]. */
  left: number;
  width: number;
  label: string;
};

export type StepGantt = { spanStart: number; spanEnd: number; bars: StepBar[] };

/** Minimum drawn width so a 0-second step stays visible (fraction of the span). */
const MIN_WIDTH = 0.004;

export function buildStepGantt(steps: readonly StepLike[], opts: { now: number; spanStart?: number; spanEnd?: number }): StepGantt {
  const ordered = stepsOldestFirst(steps);
  const ends = ordered.map((s) => stepEndedAt(s));
  const first = ordered[0]?.created_at ?? opts.now;
  const spanStart = Math.min(opts.spanStart ?? first, first);
  let lastEnd = spanStart;
  ordered.forEach((s, i) => {
    lastEnd = Math.max(lastEnd, ends[i] ?? (s.status === 'in_progress' ? opts.now : s.created_at));
  });
  const spanEnd = Math.max(opts.spanEnd ?? lastEnd, lastEnd, spanStart + 1);
  const total = spanEnd - spanStart;
  const bars = ordered.map((s, i): StepBar => {
    const end = ends[i] ?? null;
    const drawnEnd = end ?? (s.status === 'in_progress' ? opts.now : s.created_at);
    const left = (s.created_at - spanStart) / total;
    const width = Math.max(MIN_WIDTH, (drawnEnd - s.created_at) / total);
    return {
      id: s.id,
      status: s.status,
      start: s.created_at,
      end,
      duration: Math.max(0, drawnEnd - s.created_at),
      left: clamp01(left),
      width: Math.min(width, 1 - clamp01(left)) || MIN_WIDTH,
      label: stepLabel(s),
    };
  });
  return { spanStart, spanEnd, bars };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** "Message", "get_weather(), refund()", "Code interpreter", "File search", or the raw type. */
export function stepLabel(step: StepLike): string {
  const details = step.step_details;
  const type = details?.type ?? step.type ?? 'unknown';
  if (type === 'message_creation') return 'Message';
  if (type !== 'tool_calls') return type;
  const calls = Array.isArray(details?.tool_calls) ? details.tool_calls : [];
  if (calls.length === 0) return 'Tool calls';
  const names = calls.map(toolCallLabel);
  const unique = [...new Set(names)];
  return unique.length <= 3 ? unique.join(', ') : `${unique.slice(0, 3).join(', ')} +${unique.length - 3}`;
}

export function toolCallLabel(call: ToolCallLike): string {
  if (call.type === 'function') return `${call.function?.name ?? 'function'}()`;
  if (call.type === 'code_interpreter') return 'Code interpreter';
  if (call.type === 'file_search') return 'File search';
  return call.type || 'unknown tool';
}

/** Function outputs still missing on a step (what the run waits for). */
export function pendingFunctionCalls(step: StepLike): ToolCallLike[] {
  return functionCallsOf(step).filter((c) => c.function?.output == null);
}
