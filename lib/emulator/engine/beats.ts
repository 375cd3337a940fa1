/**
 * A run is a script: a list of timed "beats" (status changes, steps and messages appearing or
 * finishing). The run's observable state at time T is the result of applying every beat with
 * `at <= T`, in order. Nothing runs on timers; reading a run applies what is due (see apply.ts).
 */
import type { RunStatus } from '../../contract';
import type { LegWriter } from './leg-writer';
import type { MessageRec, StepRec } from '../store';
import type { MessageContent, MessageIncompleteReason, RequiredActionWire, RunWire, ToolCallWire, Usage } from '../wire';

export type Beat =
  | {
      at: number;
      kind: 'status';
      status: RunStatus;
      requiredAction?: RequiredActionWire;
      lastError?: NonNullable<RunWire['last_error']>;
      incomplete?: NonNullable<RunWire['incomplete_details']>;
      usage?: Usage;
    }
  | { at: number; kind: 'step_created'; step: StepRec }
  | {
      at: number;
      kind: 'step_done';
      step: StepRec;
      status: 'completed' | 'failed';
      usage: Usage | null;
      calls?: ToolCallWire[];
      lastError?: { code: 'server_error' | 'rate_limit_exceeded'; message: string };
    }
  | { at: number; kind: 'message_created'; message: MessageRec }
  | {
      at: number;
      kind: 'message_done';
      message: MessageRec;
      status: 'completed' | 'incomplete';
      content: MessageContent[];
      reason?: MessageIncompleteReason;
    };

/** Writes one stretch of a run's script, starting at a given moment. */
export type LegFn = (writer: LegWriter) => void;

/**
 * How a run goes. Leg 0 starts at creation; leg i starts when the i-th batch of tool outputs
 * arrives (a leg that ends in `requires_action` waits for them, or for expiry).
 */
export interface Course {
  /** Scenario name, or the tool-driven course ('function', 'code_interpreter', ...). */
  name: string;
  legs: LegFn[];
  /** After a cancel the run stays `cancelling` forever (scenario cancel_stuck). */
  cancelStuck: boolean;
}

/** Keeps `pending` sorted by time; equal times keep insertion order. */
export function insertBeat(pending: Beat[], beat: Beat): void {
  let i = pending.length;
  while (i > 0 && (pending[i - 1] as Beat).at > beat.at) i--;
  pending.splice(i, 0, beat);
}

export const EXPIRY_SECONDS = 600;
/** Emulator seconds between `cancelling` and `cancelled`. */
export const CANCEL_SECONDS = 3;
