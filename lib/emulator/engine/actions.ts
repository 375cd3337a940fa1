/**
 * The three things that change a run from outside its script: creation, tool outputs and
 * cancellation. Each first applies whatever the clock has made due, then checks the API's rules
 * against the run's *current* status, then rewrites the run's pending beats.
 */
import { isActiveRunStatus, isTerminalRunStatus, type ToolOutput } from '../../contract';
import { badRequest } from '../errors';
import { SortedList } from '../paginate';
import { selectCourse, type RunHints } from '../scripts/courses';
import type { AssistantRec, RunRec, ThreadRec } from '../store';
import type { FunctionCallWire, RunWire } from '../wire';
import { advanceRun } from './apply';
import { CANCEL_SECONDS, EXPIRY_SECONDS, insertBeat, type Beat } from './beats';
import type { EngineCtx } from './context';
import { LegWriter } from './leg-writer';

/** Run fields that come from the request (the rest is state). */
export type RunSettings = Pick<
  RunWire,
  | 'model'
  | 'instructions'
  | 'tools'
  | 'tool_resources'
  | 'metadata'
  | 'temperature'
  | 'top_p'
  | 'max_completion_tokens'
  | 'max_prompt_tokens'
  | 'truncation_strategy'
  | 'response_format'
  | 'tool_choice'
  | 'parallel_tool_calls'
> & { reasoning_effort?: string | null };

/** The thread's active run (after applying what is due), or null. */
export function activeRun(ctx: EngineCtx, thread: ThreadRec, now: number): RunRec | null {
  const run = thread.latestRun;
  if (!run) return null;
  advanceRun(ctx.store, run, now);
  return isActiveRunStatus(run.wire.status) ? run : null;
}

export function assertNoActiveRun(ctx: EngineCtx, thread: ThreadRec, now: number): void {
  const active = activeRun(ctx, thread, now);
  if (active) throw badRequest(`Thread ${thread.id} already has an active run ${active.id}.`);
}

function startLeg(ctx: EngineCtx, run: RunRec, leg: number, at: number, streamed: boolean): void {
  // A course without a stretch for this point still finishes (never leave a run queued by accident).
  const fn = run.course.legs[leg] ?? ((w: LegWriter) => void w.wait(1).status('in_progress').wait(1).status('completed'));
  const writer = new LegWriter(ctx, run, at, streamed ? 0 : 1);
  fn(writer);
  for (const beat of writer.beats) insertBeat(run.pending, beat);
  run.nextLeg = leg + 1;
}

/** Latest user message text, so scripted replies can respond to it. */
function lastUserText(thread: ThreadRec): string {
  const items = thread.messages.items;
  for (let i = items.length - 1; i >= 0 && i >= items.length - 20; i--) {
    const msg = items[i]?.wire;
    if (msg?.role !== 'user') continue;
    return msg.content.map((c) => (c.type === 'text' ? c.text.value : '')).join(' ');
  }
  return '';
}

/**
 * Creates a run in `queued` with its whole first leg scripted from `at`. The caller checks the
 * thread lock first. `streamed` compresses the script so a stream can play it at once.
 */
export function createRun(
  ctx: EngineCtx,
  thread: ThreadRec,
  assistant: AssistantRec,
  settings: RunSettings,
  at: number,
  opts: { streamed?: boolean; hints?: RunHints } = {},
): RunRec {
  const wire: RunWire = {
    id: ctx.ids.make('run_'),
    object: 'thread.run',
    created_at: at,
    assistant_id: assistant.id,
    thread_id: thread.id,
    status: 'queued',
    started_at: null,
    expires_at: at + EXPIRY_SECONDS,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    required_action: null,
    last_error: null,
    ...settings,
    incomplete_details: null,
    usage: null,
  };
  const run: RunRec = {
    id: wire.id,
    created_at: at,
    seq: ctx.store.nextSeq(),
    wire,
    steps: new SortedList(),
    messages: new SortedList(),
    pending: [],
    course: { name: 'pending', legs: [], cancelStuck: false },
    nextLeg: 0,
    listeners: new Set(),
  };
  run.course = selectCourse(run, assistant, lastUserText(thread), opts.hints);
  ctx.store.addRun(thread, run);
  startLeg(ctx, run, 0, at, opts.streamed ?? false);
  return run;
}

const pyList = (ids: string[]) => `[${ids.map((id) => `'${id}'`).join(', ')}]`;

/** Throws the API's 400 unless `outputs` answer exactly the pending calls of a requires_action run. */
export function assertToolOutputs(run: RunRec, outputs: ToolOutput[]): string[] {
  const wire = run.wire;
  const pending = wire.status === 'requires_action' ? (wire.required_action?.submit_tool_outputs.tool_calls ?? []) : null;
  if (!pending) throw badRequest(`Runs in status "${wire.status}" do not accept tool outputs.`);
  const expected = pending.map((c) => c.id);
  const got = outputs.map((o) => o.tool_call_id);
  const same = got.length === expected.length && expected.every((id) => got.includes(id));
  if (!same) throw badRequest(`Expected tool outputs for call_ids ${pyList(expected)}, got ${pyList(got)}`, 'tool_outputs');
  return expected;
}

/** Answers the pending function calls; the run goes back to `queued` and continues its course. */
export function submitToolOutputs(ctx: EngineCtx, run: RunRec, outputs: ToolOutput[], at: number, streamed: boolean): void {
  advanceRun(ctx.store, run, at);
  const expected = assertToolOutputs(run, outputs);
  const step = run.steps.items.find(
    (s) => s.wire.status === 'in_progress' && s.wire.step_details.type === 'tool_calls' && s.wire.step_details.tool_calls.some((c) => c.id === expected[0]),
  );
  run.pending = []; // drops the expiry beat: the run is no longer waiting
  if (step && step.wire.step_details.type === 'tool_calls') {
    const calls = (step.wire.step_details.tool_calls as FunctionCallWire[]).map((c) => ({
      ...c,
      function: { ...c.function, output: outputs.find((o) => o.tool_call_id === c.id)?.output ?? null },
    }));
    const completion = calls.reduce((n, c) => n + Math.ceil(c.function.arguments.length / 4), 8);
    const beat: Beat = {
      at,
      kind: 'step_done',
      step,
      status: 'completed',
      calls,
      usage: { prompt_tokens: 512, completion_tokens: completion, total_tokens: 512 + completion },
    };
    run.pending.push(beat);
  }
  run.pending.push({ at, kind: 'status', status: 'queued' });
  startLeg(ctx, run, run.nextLeg, at, streamed);
  advanceRun(ctx.store, run, at);
}

/** Best-effort cancel: `cancelling` now, `cancelled` a few seconds later (never, for cancel_stuck). */
export function cancelRun(ctx: EngineCtx, run: RunRec, at: number): void {
  advanceRun(ctx.store, run, at);
  const status = run.wire.status;
  if (isTerminalRunStatus(status)) throw badRequest(`Cannot cancel run with status '${status}'.`);
  if (status === 'cancelling') return; // already on its way; cancelling twice changes nothing
  run.pending = [{ at, kind: 'status', status: 'cancelling' }];
  if (!run.course.cancelStuck) run.pending.push({ at: at + CANCEL_SECONDS, kind: 'status', status: 'cancelled' });
  advanceRun(ctx.store, run, at);
}
