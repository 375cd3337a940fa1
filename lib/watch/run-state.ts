// What the index keeps about a run, derived from the run as the upstream last answered and what was known before.
// Pure (shared by the proxy's sightings and the watcher). Times are unix seconds on the upstream's clock.
// "Since when is it in this state" is exact where the run says so (queued: created_at; in_progress: started_at;
// terminal: its *_at) and otherwise the moment Runboard first saw the state, flagged as a lower bound of the time
// spent in it (the API has no timestamp for entering requires_action or cancelling).

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'expired', 'incomplete']);
export const isTerminal = (status: string | null | undefined): boolean => !!status && TERMINAL.has(status);

type Obj = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);

export type PreviousRunState = { status: string | null; stateSince: number | null; lowerBound: boolean; snapshot: boolean } | null;

export type RunState = {
  status: string | null;
  assistantId: string | null;
  expiresAt: number | null;
  stateSince: number | null;
  lowerBound: boolean;
  endedAt: number | null;
};

/** When a terminal run ended, from its own timestamps (expired runs end at their deadline). */
export function runEndedAt(run: Obj): number | null {
  const status = str(run.status);
  if (!isTerminal(status)) return null;
  return num(run.completed_at) ?? num(run.failed_at) ?? num(run.cancelled_at) ?? (status === 'expired' ? num(run.expires_at) : null) ?? num(run.incomplete_at);
}

export function deriveRunState(run: Obj, previous: PreviousRunState, now: number): RunState {
  const status = str(run.status);
  const base = { status, assistantId: str(run.assistant_id), expiresAt: isTerminal(status) ? null : num(run.expires_at), endedAt: runEndedAt(run) };
  if (previous && previous.snapshot && previous.status === status && previous.stateSince !== null) {
    return { ...base, stateSince: previous.stateSince, lowerBound: previous.lowerBound };
  }
  const exact =
    status === 'queued' ? num(run.created_at) : status === 'in_progress' ? num(run.started_at) : isTerminal(status) ? base.endedAt : null;
  if (exact !== null) return { ...base, stateSince: exact, lowerBound: false };
  return { ...base, stateSince: now, lowerBound: true };
}

/** The last new or changed step: the newest of the steps' own timestamps (a step's creation or end). */
export function stepsLastChange(steps: readonly Obj[]): number | null {
  let latest: number | null = null;
  for (const step of steps) {
    for (const key of ['created_at', 'completed_at', 'failed_at', 'cancelled_at', 'expired_at']) {
      const t = num(step[key]);
      if (t !== null && (latest === null || t > latest)) latest = t;
    }
  }
  return latest;
}

/** Ids and statuses: a change here is progress even when no timestamp moved (a tool call filled in). */
export function stepsSignature(steps: readonly Obj[]): string {
  return steps
    .map((s) => `${str(s.id) ?? ''}:${str(s.status) ?? ''}:${JSON.stringify((s.step_details as Obj | undefined)?.tool_calls ?? null).length}`)
    .sort()
    .join(',');
}
