/**
 * Writes the beats of one leg of a run's script. Courses (scripts/courses.ts) describe a run in
 * terms of "wait N seconds, open a tool step, write a message, finish"; the writer turns that into
 * timed beats and the step/message records they will attach when due.
 *
 * `scale` multiplies every wait: 1 normally, 0 when the leg is streamed (the stream then plays the
 * whole leg at once so it finishes promptly, and later GETs see the same final state).
 */
import type { RunStatus } from '../../contract';
import type { EngineCtx } from './context';
import { EXPIRY_SECONDS, type Beat } from './beats';
import type { MessageRec, RunRec, StepRec } from '../store';
import type { FunctionCallWire, MessageContent, RunWire, StepDetails, ToolCallWire, Usage } from '../wire';

export class LegWriter {
  private t: number;

  constructor(
    readonly ctx: EngineCtx,
    readonly run: RunRec,
    start: number,
    private readonly scale: number,
    readonly beats: Beat[] = [],
  ) {
    this.t = start;
  }

  /** Current position in the script (absolute emulator seconds). */
  get at(): number {
    return this.t;
  }

  wait(seconds: number): this {
    this.t += Math.max(0, Math.round(seconds * this.scale));
    return this;
  }

  status(
    status: RunStatus,
    extra: { lastError?: NonNullable<RunWire['last_error']>; incomplete?: NonNullable<RunWire['incomplete_details']>; usage?: Usage } = {},
  ): this {
    this.beats.push({ at: this.t, kind: 'status', status, ...extra });
    return this;
  }

  private newStep(details: StepDetails): StepRec {
    const run = this.run.wire;
    return this.ctx.store.makeStep({
      id: this.ctx.ids.make('step_'),
      object: 'thread.run.step',
      created_at: this.t,
      run_id: run.id,
      assistant_id: run.assistant_id,
      thread_id: run.thread_id,
      type: details.type,
      status: 'in_progress',
      cancelled_at: null,
      completed_at: null,
      expired_at: null,
      failed_at: null,
      last_error: null,
      step_details: details,
      usage: null,
      metadata: {},
    });
  }

  /**
   * A tool_calls step. With `final` the tools finish after `seconds` (server-side tools); without,
   * the step stays open (function calls wait for the client's outputs).
   */
  toolStep(calls: ToolCallWire[], opts: { seconds?: number; final?: ToolCallWire[]; usage?: Usage } = {}): StepRec {
    const step = this.newStep({ type: 'tool_calls', tool_calls: calls });
    this.beats.push({ at: this.t, kind: 'step_created', step });
    if (opts.final) {
      this.wait(opts.seconds ?? 2);
      this.beats.push({ at: this.t, kind: 'step_done', step, status: 'completed', usage: opts.usage ?? null, calls: opts.final });
    }
    return step;
  }

  /**
   * A message_creation step with its assistant message. `end: 'open'` leaves both in progress
   * (stuck scenarios, or a later failure/cancel closes them).
   */
  messageStep(
    content: MessageContent[],
    opts: { seconds?: number; end?: 'completed' | 'incomplete' | 'open'; usage?: Usage } = {},
  ): { step: StepRec; message: MessageRec } {
    const run = this.run.wire;
    const message = this.ctx.store.makeMessage({
      id: this.ctx.ids.make('msg_'),
      object: 'thread.message',
      created_at: this.t,
      assistant_id: run.assistant_id,
      thread_id: run.thread_id,
      run_id: run.id,
      role: 'assistant',
      content: [],
      attachments: [],
      metadata: {},
      status: 'in_progress',
      incomplete_details: null,
      completed_at: null,
      incomplete_at: null,
    });
    const step = this.newStep({ type: 'message_creation', message_creation: { message_id: message.id } });
    this.beats.push({ at: this.t, kind: 'step_created', step });
    this.beats.push({ at: this.t, kind: 'message_created', message });
    const end = opts.end ?? 'completed';
    if (end === 'open') return { step, message };
    this.wait(opts.seconds ?? 2);
    if (end === 'completed') {
      this.beats.push({ at: this.t, kind: 'message_done', message, status: 'completed', content });
    } else {
      this.beats.push({ at: this.t, kind: 'message_done', message, status: 'incomplete', content, reason: 'max_tokens' });
    }
    this.beats.push({ at: this.t, kind: 'step_done', step, status: 'completed', usage: opts.usage ?? null });
    return { step, message };
  }

  /** Pause for the client's tool outputs; the run expires `EXPIRY_SECONDS` after creation. */
  requireAction(calls: FunctionCallWire[]): this {
    this.beats.push({
      at: this.t,
      kind: 'status',
      status: 'requires_action',
      requiredAction: {
        type: 'submit_tool_outputs',
        submit_tool_outputs: {
          tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.function.name, arguments: c.function.arguments } })),
        },
      },
    });
    this.beats.push({ at: this.run.wire.created_at + EXPIRY_SECONDS, kind: 'status', status: 'expired' });
    return this;
  }
}
