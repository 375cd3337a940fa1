/**
 * The run's status timeline (created → queued → in_progress → requires_action → … → terminal), rebuilt from the
 * few timestamps the API keeps plus the run's steps. The API has no status history, so every boundary carries how
 * we know it:
 * - exact: a timestamp the server reported (created_at, started_at, a tool step's completed_at = outputs submitted,
 *   completed_at / failed_at / cancelled_at, a step's expired_at);
 * - estimate: inferred (a function step's creation ≈ entering requires_action, since the run pauses once the
 *   step's arguments are complete; the first step's creation bounds the start of work when started_at has moved on);
 * - unknown: the API does not say (when cancel was requested, unless this browser sent it).
 * Pure; `now` closes ongoing phases for drawing.
 */
import { functionCallsOf, isTerminal, stepEndedAt, stepsOldestFirst, type RunLike, type StepLike } from './run-shapes';

export type PhaseStatus = 'queued' | 'in_progress' | 'requires_action' | 'cancelling' | (string & {});
export type Precision = 'exact' | 'estimate' | 'unknown';

export type RunPhase = {
  status: PhaseStatus;
  /** Unix seconds; null when unknown. */
  start: number | null;
  /** Unix seconds; null while ongoing or when unknown. */
  end: number | null;
  startPrecision: Precision;
  endPrecision: Precision;
  ongoing: boolean;
  note: string | null;
};

export type RunTimeline = {
  createdAt: number;
  phases: RunPhase[];
  terminal: { status: string; at: number | null; precision: Precision; note: string | null } | null;
  /** Drawing range: creation to the terminal moment (or now while active). */
  spanStart: number;
  spanEnd: number;
};

export type TimelineContext = { now: number; steps?: readonly StepLike[] | null; cancelRequestedAt?: number | null };

const NOTE_RA_START = "Estimated: the tool step's creation; the run pauses once the call's arguments are complete.";
const NOTE_FIRST_IP = 'started_at moved on after tool outputs, so the first start is bounded by the first step.';
const NOTE_NO_STARTED_AT = 'started_at not reported; work began at the latest when the first step was created.';
const NOTE_RESUME = 'The API keeps only the latest start; resumed at the latest when the next step was created.';
const NOTE_CANCEL = 'The API does not record when cancel was requested.';

export function buildRunTimeline(run: RunLike, ctx: TimelineContext): RunTimeline {
  const steps = stepsOldestFirst(ctx.steps ?? []);
  const phases: RunPhase[] = [];
  const open = (status: PhaseStatus, start: number | null, precision: Precision, note: string | null = null) => {
    const prev = phases.at(-1);
    if (prev && prev.end === null) {
      prev.end = start;
      prev.endPrecision = start === null ? 'unknown' : precision;
    }
    phases.push({ status, start, end: null, startPrecision: start === null ? 'unknown' : precision, endPrecision: 'unknown', ongoing: false, note });
  };
  const nextStepAfter = (t: number) => steps.find((s) => s.created_at >= t)?.created_at ?? null;

  open('queued', run.created_at, 'exact');

  const rounds = steps.filter((s) => functionCallsOf(s).length > 0);
  const started = run.started_at ?? null;
  if (started !== null && (rounds.length === 0 || started <= (rounds[0]?.created_at ?? Infinity))) {
    open('in_progress', started, 'exact');
  } else if (steps[0]) {
    open('in_progress', steps[0].created_at, 'estimate', started === null ? NOTE_NO_STARTED_AT : NOTE_FIRST_IP);
  } else if (started !== null) {
    open('in_progress', started, 'exact');
  }

  let stoppedInRound = false;
  rounds.forEach((round, i) => {
    open('requires_action', round.created_at, 'estimate', NOTE_RA_START);
    const end = stepEndedAt(round);
    if (round.status !== 'completed' || end === null) {
      stoppedInRound = true; // still waiting, or the round ended with the run (expired / cancelled / failed)
      return;
    }
    open('queued', end, 'exact', 'Tool outputs submitted.');
    const nextRound = rounds[i + 1];
    if (started !== null && started >= end && (!nextRound || started <= nextRound.created_at)) {
      open('in_progress', started, 'exact');
    } else {
      const resumed = nextStepAfter(end);
      if (resumed !== null) open('in_progress', resumed, 'estimate', NOTE_RESUME);
    }
  });

  const terminal = isTerminal(run.status) ? terminalMoment(run, steps) : null;
  const last = () => phases.at(-1);

  if (!terminal) {
    if (stoppedInRound && run.status === 'in_progress' && last()?.status === 'requires_action') {
      // The function step exists but its arguments are still being written: the run has not paused yet.
      phases.pop();
      const prev = last();
      if (prev) {
        prev.end = null;
        prev.endPrecision = 'unknown';
      }
    }
    if (run.status === 'cancelling') {
      open('cancelling', ctx.cancelRequestedAt ?? null, 'exact', ctx.cancelRequestedAt == null ? NOTE_CANCEL : null);
    } else if (last()?.status !== run.status) {
      // Steps not loaded yet, or the server's status has moved past what the steps show.
      const exactStart = run.status === 'in_progress' && started !== null && started > (last()?.start ?? 0) ? started : null;
      open(run.status, exactStart, 'exact');
    }
    const current = last();
    if (current) {
      current.ongoing = true;
      current.end = null;
      current.endPrecision = 'unknown';
    }
  } else {
    if (run.status === 'cancelled') {
      open('cancelling', ctx.cancelRequestedAt ?? null, 'exact', ctx.cancelRequestedAt == null ? NOTE_CANCEL : null);
    }
    const current = last();
    if (current && current.end === null) {
      current.end = terminal.at;
      current.endPrecision = terminal.at === null ? 'unknown' : terminal.precision;
    }
  }

  const knownTimes = phases.flatMap((p) => [p.start, p.end]).filter((t): t is number => t !== null);
  const spanEnd = terminal?.at ?? (terminal ? Math.max(run.created_at, ...knownTimes) : Math.max(ctx.now, ...knownTimes));
  return { createdAt: run.created_at, phases, terminal, spanStart: run.created_at, spanEnd: Math.max(spanEnd, run.created_at) };
}

/** When the run reached its terminal status, and how sure we are. */
export function terminalMoment(run: RunLike, orderedSteps: readonly StepLike[]): NonNullable<RunTimeline['terminal']> {
  const status = run.status;
  const exact = (at: number | null | undefined, note: string | null = null) =>
    at != null ? { status, at, precision: 'exact' as const, note } : { status, at: null, precision: 'unknown' as const, note: 'The server did not report when.' };
  switch (status) {
    case 'completed':
      return exact(run.completed_at);
    case 'failed':
      return exact(run.failed_at);
    case 'cancelled':
      return exact(run.cancelled_at);
    case 'incomplete': {
      if (run.completed_at != null || run.failed_at != null) return exact(run.completed_at ?? run.failed_at);
      const lastEnd = Math.max(0, ...orderedSteps.map((s) => stepEndedAt(s) ?? 0));
      return lastEnd > 0 ? { status, at: lastEnd, precision: 'estimate', note: 'When its last step ended.' } : exact(null);
    }
    case 'expired': {
      const expiredSteps = orderedSteps.map((s) => (s.status === 'expired' ? stepEndedAt(s) : null)).filter((t): t is number => t != null);
      if (expiredSteps.length > 0) return exact(Math.max(...expiredSteps));
      if (run.expires_at != null) return exact(run.expires_at);
      return { status, at: run.created_at + 600, precision: 'estimate', note: 'The API clears expires_at; runs expire about 10 minutes after creation.' };
    }
    default:
      return exact(null);
  }
}

/** Dwell of a phase in seconds (ongoing phases up to `now`); null when a boundary is unknown. */
export function phaseDwell(phase: RunPhase, now: number): number | null {
  if (phase.start === null) return null;
  const end = phase.ongoing ? now : phase.end;
  return end === null ? null : Math.max(0, end - phase.start);
}
