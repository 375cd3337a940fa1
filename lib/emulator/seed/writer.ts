/**
 * Writes demo history through the same engine the API uses (createRun, submitToolOutputs,
 * cancelRun), at chosen moments in the past, so seeded runs are exactly what the API would have
 * produced. Each run is played to its pause (requires_action) or end before the next turn, which
 * keeps the one-active-run rule true for seeded threads too.
 */
import { isTerminalRunStatus, type CreateMessageBody } from '../../contract';
import { advanceRun } from '../engine/apply';
import { cancelRun, createRun, submitToolOutputs } from '../engine/actions';
import type { EngineCtx } from '../engine/context';
import { addHandMessage } from '../engine/messages';
import { settingsFrom, type RunOptionsBody } from '../engine/settings';
import type { RunHints } from '../scripts/courses';
import type { AssistantRec, RunRec, ThreadRec } from '../store';

/** Applies beats one by one until the run pauses, ends, or has nothing scheduled. */
export function playUntilPause(ctx: EngineCtx, run: RunRec, limit = Number.POSITIVE_INFINITY): number {
  let t = run.created_at;
  while (run.pending.length > 0) {
    const status = run.wire.status;
    if (status === 'requires_action' || isTerminalRunStatus(status)) break;
    const next = run.pending[0]?.at ?? t;
    if (next > limit) break;
    t = next;
    advanceRun(ctx.store, run, t);
  }
  return t;
}

export class ThreadWriter {
  /** The writer's cursor: when the next thing happens (emulator seconds). */
  t: number;

  /** `now` is the emulator's present: nothing is played beyond it (the clock does the rest). */
  constructor(
    readonly ctx: EngineCtx,
    readonly thread: ThreadRec,
    readonly now: number,
  ) {
    this.t = thread.created_at;
  }

  static open(ctx: EngineCtx, now: number, at: number, metadata: Record<string, string>): ThreadWriter {
    const thread = ctx.store.addThread({ id: ctx.ids.make('thread_'), object: 'thread', created_at: at, tool_resources: {}, metadata });
    return new ThreadWriter(ctx, thread, now);
  }

  /** Jumps forward to `at` (the seed's own sanity check: history never overlaps). */
  jumpTo(at: number): this {
    if (at < this.t) throw new Error(`seed: ${this.thread.id} is already at ${this.t}, cannot go back to ${at}`);
    this.t = at;
    return this;
  }

  wait(seconds: number): this {
    this.t += Math.round(seconds);
    return this;
  }

  user(content: CreateMessageBody['content'], extra: Partial<CreateMessageBody> = {}): this {
    addHandMessage(this.ctx, this.thread, { role: 'user', content, ...extra }, this.t);
    this.t += 1;
    return this;
  }

  /** Starts a run now without playing it (to cancel it part-way). */
  start(assistant: AssistantRec, body: RunOptionsBody = {}, hints: RunHints = {}): RunRec {
    return createRun(this.ctx, this.thread, assistant, settingsFrom(body, assistant), this.t, { hints });
  }

  /** Starts a run now and plays it to its pause or end (never beyond the seed's `now`). */
  run(assistant: AssistantRec, body: RunOptionsBody = {}, hints: RunHints = {}): RunRec {
    const run = createRun(this.ctx, this.thread, assistant, settingsFrom(body, assistant), this.t, { hints });
    this.t = playUntilPause(this.ctx, run, this.now);
    return run;
  }

  /** Answers the run's pending calls `after` seconds from now, with outputs by function name. */
  answer(run: RunRec, outputs: Record<string, unknown>, after = 35): this {
    this.t += after;
    const calls = run.wire.required_action?.submit_tool_outputs.tool_calls ?? [];
    const toolOutputs = calls.map((c) => ({ tool_call_id: c.id, output: JSON.stringify(outputs[c.function.name] ?? { ok: true }) }));
    submitToolOutputs(this.ctx, run, toolOutputs, this.t, false);
    this.t = Math.max(this.t, playUntilPause(this.ctx, run, this.now));
    return this;
  }

  /** Cancels `after` seconds from now and plays the cancellation out (unless it never finishes). */
  cancel(run: RunRec, after = 5): this {
    this.t += after;
    cancelRun(this.ctx, run, this.t);
    if (!run.course.cancelStuck) this.t = Math.max(this.t, playUntilPause(this.ctx, run, this.now));
    return this;
  }

  /** Lets a run that waits on tools run out its 10 minutes. */
  letExpire(run: RunRec): this {
    const deadline = run.wire.expires_at ?? this.t;
    advanceRun(this.ctx.store, run, deadline);
    this.t = Math.max(this.t, deadline);
    return this;
  }
}
