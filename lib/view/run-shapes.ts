/**
 * The minimal, structural shapes the run-page helpers read. The contract's `Run` and `RunStep` (tolerant zod
 * objects) are assignable to these, and so are sparse objects from facades that omit optional fields: every
 * field the API may leave out is optional here, so the helpers must cope with its absence (and are tested so).
 */

export type UsageLike = {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
} | null;

export type PendingCallLike = {
  id: string;
  type?: string;
  function?: { name?: string | null; arguments?: string | null } | null;
};

export type RunLike = {
  id: string;
  status: string;
  created_at: number;
  started_at?: number | null;
  expires_at?: number | null;
  cancelled_at?: number | null;
  failed_at?: number | null;
  completed_at?: number | null;
  last_error?: { code?: string | null; message?: string | null } | null;
  incomplete_details?: { reason?: string | null } | null;
  required_action?: {
    type?: string;
    submit_tool_outputs?: { tool_calls?: readonly PendingCallLike[] | null } | null;
  } | null;
  max_prompt_tokens?: number | null;
  max_completion_tokens?: number | null;
  usage?: UsageLike;
};

export type ToolCallLike = {
  id?: string;
  type: string;
  function?: { name?: string | null; arguments?: string | null; output?: string | null } | null;
  [key: string]: unknown;
};

export type StepLike = {
  id: string;
  type?: string;
  status: string;
  created_at: number;
  completed_at?: number | null;
  failed_at?: number | null;
  cancelled_at?: number | null;
  expired_at?: number | null;
  /** Spec quirk (§13.1): some servers send `expires_at` on steps instead of `expired_at`. */
  expires_at?: number | null;
  step_details?: { type?: string; tool_calls?: readonly ToolCallLike[] | null; [key: string]: unknown } | null;
  usage?: UsageLike;
};

export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled', 'expired', 'incomplete'] as const;
export const ACTIVE_STATUSES = ['queued', 'in_progress', 'requires_action', 'cancelling'] as const;

/** Runs that ended without an answer: worth running again with the same settings. */
export const RUN_AGAIN_STATUSES: ReadonlySet<string> = new Set(['failed', 'expired', 'cancelled', 'incomplete']);

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** The moment a step stopped, whichever terminal timestamp the server filled (null while it runs). */
export function stepEndedAt(step: StepLike): number | null {
  return step.completed_at ?? step.failed_at ?? step.cancelled_at ?? step.expired_at ?? (step.status === 'expired' ? step.expires_at ?? null : null);
}

/** Function calls made by a step (the only tool type that pauses the run in requires_action). */
export function functionCallsOf(step: StepLike): ToolCallLike[] {
  const calls = step.step_details?.tool_calls;
  if (!Array.isArray(calls)) return [];
  return calls.filter((c) => c && c.type === 'function');
}

/** Steps sorted oldest first; the API lists newest first by default. Stable for equal timestamps. */
export function stepsOldestFirst<T extends StepLike>(steps: readonly T[]): T[] {
  return steps.map((s, i) => [s, i] as const).sort((a, b) => a[0].created_at - b[0].created_at || a[1] - b[1]).map(([s]) => s);
}
