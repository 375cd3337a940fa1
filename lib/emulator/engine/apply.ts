/**
 * Applies due beats to a run: the only place run/step/message state changes as time passes.
 * When a stream listens, each change is also emitted as the API's SSE events (snapshots are
 * serialised by the listener synchronously, so no copies are needed).
 */
import { isTerminalRunStatus } from '../../contract';
import type { Store, RunRec, StepRec, MessageRec } from '../store';
import type { Beat } from './beats';
import { emitMessageDeltas, emitStepCallDeltas, emitStepOutputDeltas } from './deltas';
import { stepAnnounceView, stepView } from '../views';
import type { MessageIncompleteReason, StepStatus, Usage } from '../wire';

export function emit(run: RunRec, event: string, data: unknown | ((includeContent: boolean) => unknown)): void {
  for (const listener of run.listeners) {
    listener.send(event, typeof data === 'function' ? (data as (i: boolean) => unknown)(listener.includeContent) : data);
  }
}

const emitStep = (run: RunRec, step: StepRec, event: string) =>
  emit(run, `thread.run.step.${event}`, (include: boolean) => stepView(step, include));

/** Applies every pending beat due at or before `now`. Cheap when nothing is due. */
export function advanceRun(store: Store, run: RunRec, now: number): void {
  while (run.pending.length > 0 && (run.pending[0] as Beat).at <= now) {
    applyBeat(store, run, run.pending.shift() as Beat);
  }
}

function applyBeat(store: Store, run: RunRec, beat: Beat): void {
  const thread = store.threads.get(run.wire.thread_id);
  switch (beat.kind) {
    case 'status':
      return applyStatus(run, beat);
    case 'step_created': {
      store.attachStep(run, beat.step);
      if (run.listeners.size === 0) return;
      emit(run, 'thread.run.step.created', stepAnnounceView(beat.step));
      emit(run, 'thread.run.step.in_progress', stepAnnounceView(beat.step));
      emitStepCallDeltas(run, beat.step);
      return;
    }
    case 'step_done': {
      const step = beat.step.wire;
      if (beat.calls && step.step_details.type === 'tool_calls') {
        step.step_details = { type: 'tool_calls', tool_calls: beat.calls };
        if (run.listeners.size > 0) emitStepOutputDeltas(run, beat.step);
      }
      step.status = beat.status;
      step.usage = beat.usage;
      if (beat.status === 'completed') step.completed_at = beat.at;
      else {
        step.failed_at = beat.at;
        step.last_error = beat.lastError ?? { code: 'server_error', message: 'Sorry, something went wrong.' };
      }
      emitStep(run, beat.step, beat.status);
      return;
    }
    case 'message_created':
      if (thread) store.attachMessage(thread, beat.message, run);
      emit(run, 'thread.message.created', beat.message.wire);
      emit(run, 'thread.message.in_progress', beat.message.wire);
      return;
    case 'message_done': {
      const msg = beat.message.wire;
      if (run.listeners.size > 0) emitMessageDeltas(run, beat.message, beat.content);
      msg.content = beat.content;
      if (beat.status === 'completed') {
        msg.status = 'completed';
        msg.completed_at = beat.at;
      } else {
        closeMessage(beat.message, beat.reason ?? 'max_tokens', beat.at);
      }
      emit(run, `thread.message.${msg.status}`, msg);
      return;
    }
  }
}

function applyStatus(run: RunRec, beat: Extract<Beat, { kind: 'status' }>): void {
  const wire = run.wire;
  wire.status = beat.status;
  const at = beat.at;
  // required_action is non-null only while the run waits in requires_action.
  wire.required_action = beat.status === 'requires_action' ? (beat.requiredAction ?? null) : null;
  switch (beat.status) {
    case 'in_progress':
      wire.started_at = at;
      break;
    case 'completed':
      wire.completed_at = at;
      break;
    case 'incomplete':
      wire.completed_at = at;
      wire.incomplete_details = beat.incomplete ?? { reason: 'max_completion_tokens' };
      break;
    case 'failed': {
      wire.failed_at = at;
      wire.last_error = beat.lastError ?? { code: 'server_error', message: 'Sorry, something went wrong.' };
      const code = wire.last_error.code === 'rate_limit_exceeded' ? 'rate_limit_exceeded' : 'server_error';
      closeOpen(run, 'failed', 'run_failed', at, { code, message: wire.last_error.message });
      break;
    }
    case 'cancelled':
      wire.cancelled_at = at;
      closeOpen(run, 'cancelled', 'run_cancelled', at);
      break;
    case 'expired':
      closeOpen(run, 'expired', 'run_expired', at);
      break;
    default:
      break;
  }
  if (isTerminalRunStatus(beat.status)) {
    wire.expires_at = null;
    wire.usage = beat.usage ?? sumUsage(run);
    // A terminal run has nothing left to do (e.g. a pending expiry after a failure).
    run.pending.length = 0;
  }
  emit(run, `thread.run.${beat.status}`, wire);
}

/** Open steps end with the run; an assistant message being written ends `incomplete`. */
function closeOpen(
  run: RunRec,
  stepStatus: Extract<StepStatus, 'failed' | 'cancelled' | 'expired'>,
  reason: MessageIncompleteReason,
  at: number,
  lastError?: { code: 'server_error' | 'rate_limit_exceeded'; message: string },
): void {
  for (const step of run.steps.items) {
    const wire = step.wire;
    if (wire.status !== 'in_progress') continue;
    wire.status = stepStatus;
    if (stepStatus === 'failed') {
      wire.failed_at = at;
      wire.last_error = lastError ?? null;
    } else if (stepStatus === 'cancelled') wire.cancelled_at = at;
    else wire.expired_at = at;
    emitStep(run, step, stepStatus);
  }
  for (const message of run.messages.items) {
    if (message.wire.status !== 'in_progress') continue;
    closeMessage(message, reason, at);
    emit(run, 'thread.message.incomplete', message.wire);
  }
}

function closeMessage(message: MessageRec, reason: MessageIncompleteReason, at: number): void {
  message.wire.status = 'incomplete';
  message.wire.incomplete_at = at;
  message.wire.incomplete_details = { reason };
}

export function sumUsage(run: RunRec): Usage {
  let prompt = 0;
  let completion = 0;
  for (const step of run.steps.items) {
    prompt += step.wire.usage?.prompt_tokens ?? 0;
    completion += step.wire.usage?.completion_tokens ?? 0;
  }
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
