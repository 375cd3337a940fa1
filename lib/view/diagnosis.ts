/**
 * Plain-language diagnosis of a run: the one sentence a support engineer reads first ("Waiting for your tool
 * outputs for 7 min; expires in 2 min 40 s (2 calls pending)"). Pure: everything time-dependent takes `now`
 * (Unix seconds) so the header can re-evaluate it every second for a live countdown.
 * Honest about what the API does not say: it has no "cancel requested at" timestamp, so that sentence uses the
 * moment this browser sent the cancel or Runboard recorded it, else bounds, and says which (diagnosis-stuck.ts).
 * Kept pure and server-safe: the inbox calls it on the server for one-line reasons.
 */
import { plural, spanCoarse } from './diagnosis-format';
import { diagnoseCancelling, diagnoseInProgress, diagnoseQueued, expiryClause, expiryTone } from './diagnosis-stuck';
import { functionCallsOf, stepEndedAt, type RunLike, type StepLike } from './run-shapes';

export type DiagnosisTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export type Diagnosis = {
  tone: DiagnosisTone;
  /** The sentence shown in the header. */
  headline: string;
  /** What to do about it, or extra context. */
  advice: string | null;
  /** Unix seconds the header counts down to (expires_at), when the run can still expire. */
  countdownTo: number | null;
  /**
   * How long the run has been in its current (non-terminal) state, when known, and how sure that is: `exact`, or
   * `upper`/`lower` bound, with what it was counted from (e.g. "since created_at").
   */
  duration?: { seconds: number; bound: 'exact' | 'upper' | 'lower'; basis: string } | null;
};

export type DiagnosisContext = {
  now: number;
  /** Steps of the run if loaded (any order). Used to tell when tool calls started and why a run expired. */
  steps?: readonly StepLike[] | null;
  /** When this browser sent the cancel request (exact). */
  cancelRequestedAt?: number | null;
  /** When this browser first saw the run in `cancelling` (a lower bound of how long it has been waiting). */
  cancellingSeenAt?: number | null;
  /** A successful cancel of this run in Runboard's audit log: when (Unix seconds, exact) and by whom. */
  cancelRecorded?: { at: number; by: string | null } | null;
};

/** Advice per `last_error.code` (failed runs and steps). Codes outside the enum still get a sentence. */
export const FAILURE_ADVICE: Record<string, string> = {
  rate_limit_exceeded: 'retry later or raise limits',
  server_error: 'the backend failed; retry the run and contact the provider if it keeps happening',
  invalid_prompt: 'the prompt was rejected; check the instructions and messages for content the model refuses',
  invalid_engine_error: 'the model or deployment is not enabled for Assistants; pick another model',
  insufficient_quota: 'the account is out of credit; add credit or use another key',
};

/** Advice per `incomplete_details.reason`. */
export const INCOMPLETE_ADVICE: Record<string, string> = {
  max_completion_tokens: 'raise max_completion_tokens or ask for a shorter answer',
  max_prompt_tokens: 'raise max_prompt_tokens or use a truncation strategy that keeps fewer messages',
};

export function diagnoseRun(run: RunLike, ctx: DiagnosisContext): Diagnosis {
  const { now } = ctx;
  switch (run.status) {
    case 'queued':
      return diagnoseQueued(run, now);
    case 'in_progress':
      return diagnoseInProgress(run, now);
    case 'requires_action':
      return diagnoseRequiresAction(run, ctx);
    case 'cancelling':
      return diagnoseCancelling(run, ctx);
    case 'cancelled': {
      const at = run.cancelled_at;
      return {
        tone: 'neutral',
        headline: at != null ? `Cancelled ${spanCoarse(now - at)} ago, ${spanCoarse(at - run.created_at)} after it was created` : 'Cancelled',
        advice: 'The thread is unlocked: new messages and runs are accepted.',
        countdownTo: null,
      };
    }
    case 'failed': {
      const code = run.last_error?.code ?? null;
      const advice = code ? FAILURE_ADVICE[code] ?? 'see the error message below' : 'the server did not report an error code';
      return {
        tone: 'danger',
        headline: `Failed: ${code ?? 'unknown error'} — ${advice}`,
        advice: run.last_error?.message ? `Server message: ${run.last_error.message}` : null,
        countdownTo: null,
      };
    }
    case 'incomplete': {
      const reason = run.incomplete_details?.reason ?? null;
      const limit = reason === 'max_completion_tokens' ? run.max_completion_tokens : reason === 'max_prompt_tokens' ? run.max_prompt_tokens : null;
      return {
        tone: 'warning',
        headline: reason ? `Incomplete: ${reason} reached${limit != null ? ` (limit ${limit})` : ''}` : 'Incomplete: the server did not say why',
        advice: reason ? INCOMPLETE_ADVICE[reason] ?? null : null,
        countdownTo: null,
      };
    }
    case 'expired':
      return diagnoseExpired(run, ctx);
    case 'completed':
      return diagnoseCompleted(run, ctx);
    default:
      return {
        tone: 'neutral',
        headline: `Status “${run.status}” is not one Runboard knows`,
        advice: 'The raw JSON below shows everything the server sent.',
        countdownTo: run.expires_at ?? null,
      };
  }
}

function diagnoseRequiresAction(run: RunLike, ctx: DiagnosisContext): Diagnosis {
  const { now } = ctx;
  const pending = run.required_action?.submit_tool_outputs?.tool_calls ?? [];
  const waitingSince = requiresActionSince(run, ctx.steps);
  const waited = waitingSince != null ? `for ${spanCoarse(now - waitingSince)}` : '';
  const expired = run.expires_at != null && run.expires_at <= now;
  return {
    tone: expiryTone(run, now, 'warning'),
    headline: `Waiting for your tool outputs${waited ? ` ${waited}` : ''}${expiryClause(run, now)} (${plural(pending.length, 'call')} pending)`,
    advice: expired
      ? 'Outputs submitted now will be refused; the server will mark the run expired.'
      : 'Submit an output for every pending call below, all at once, before the deadline.',
    countdownTo: run.expires_at ?? null,
  };
}

/**
 * When the run started waiting for tool outputs: the creation of the newest in-progress function step (the run
 * enters requires_action once that step's arguments are complete, so this is a slight over-estimate), falling
 * back to started_at (the latest entry into in_progress) when steps are not loaded.
 */
export function requiresActionSince(run: RunLike, steps: readonly StepLike[] | null | undefined): number | null {
  const open = (steps ?? []).filter((s) => s.status === 'in_progress' && functionCallsOf(s).length > 0);
  if (open.length > 0) return Math.max(...open.map((s) => s.created_at));
  return run.started_at ?? null;
}

function diagnoseExpired(run: RunLike, ctx: DiagnosisContext): Diagnosis {
  const steps = ctx.steps ?? [];
  const waitingCalls = steps
    .filter((s) => (s.status === 'expired' || s.status === 'in_progress') && functionCallsOf(s).length > 0)
    .flatMap((s) => functionCallsOf(s).filter((c) => c.function?.output == null));
  const pendingAtEnd = run.required_action?.submit_tool_outputs?.tool_calls?.length ?? 0;
  const expiredAt = Math.max(0, ...steps.map((s) => (s.status === 'expired' ? stepEndedAt(s) ?? 0 : 0))) || null;
  const lifetime = expiredAt != null ? ` after ${spanCoarse(expiredAt - run.created_at)}` : '';
  let headline: string;
  let advice: string;
  if (waitingCalls.length > 0 || pendingAtEnd > 0) {
    const n = waitingCalls.length || pendingAtEnd;
    headline = `Expired${lifetime}: tool outputs were not submitted in time (${plural(n, 'call')} pending)`;
    advice = 'Outputs must arrive before expires_at (about 10 minutes after the run was created). Start a new run and answer the calls sooner.';
  } else if (run.started_at == null && steps.length === 0) {
    headline = `Expired${lifetime}: the backend never picked it up`;
    advice = 'The run sat in the queue until its deadline. Start a new run; if it keeps happening the backend is overloaded.';
  } else if (ctx.steps == null) {
    headline = `Expired${lifetime}: the run did not finish before its deadline`;
    advice = 'Load the steps to see whether it waited on tool outputs or simply took too long.';
  } else {
    headline = `Expired${lifetime}: the run took longer than its window`;
    advice = 'The run was still working when its deadline (about 10 minutes after creation) passed. Start a new run.';
  }
  return { tone: 'danger', headline, advice, countdownTo: null };
}

function diagnoseCompleted(run: RunLike, ctx: DiagnosisContext): Diagnosis {
  const end = run.completed_at;
  const parts: string[] = [];
  if (end != null) parts.push(`in ${spanCoarse(end - run.created_at)}`);
  const extras: string[] = [];
  if (ctx.steps) extras.push(plural(ctx.steps.length, 'step'));
  const total = run.usage?.total_tokens;
  if (total != null) extras.push(`${total.toLocaleString('en-US')} tokens`);
  return {
    tone: 'success',
    headline: `Completed${parts.length ? ` ${parts.join(' ')}` : ''}${extras.length ? ` (${extras.join(', ')})` : ''}`,
    advice: end != null ? `Finished ${spanCoarse(ctx.now - end)} ago.` : null,
    countdownTo: null,
  };
}
