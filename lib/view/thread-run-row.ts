// What one row of the thread's runs table shows, derived from a run (tolerant of sparse facade objects).

export type RunRowInput = {
  status: string;
  created_at: number;
  started_at?: number | null;
  completed_at?: number | null;
  failed_at?: number | null;
  cancelled_at?: number | null;
  expires_at?: number | null;
  last_error?: { code?: string | null; message?: string | null } | null;
  incomplete_details?: { reason?: string | null } | null;
  usage?: { total_tokens?: number | null; prompt_tokens?: number | null; completion_tokens?: number | null } | null;
};

const ACTIVE = new Set(['queued', 'in_progress', 'requires_action', 'cancelling']);

export function isActiveStatus(status: string): boolean {
  return ACTIVE.has(status);
}

/**
 * Wall time from creation to the terminal moment; for active runs, the age so far (ongoing = true). Expired runs
 * have no end stamp in the API (expires_at is cleared), so their duration is unknown (null).
 */
export function runDuration(run: RunRowInput, nowSeconds: number): { seconds: number | null; ongoing: boolean } {
  if (ACTIVE.has(run.status)) return { seconds: Math.max(0, nowSeconds - run.created_at), ongoing: true };
  const end = run.completed_at ?? run.failed_at ?? run.cancelled_at ?? null;
  if (end == null || end < run.created_at) return { seconds: null, ongoing: false };
  return { seconds: end - run.created_at, ongoing: false };
}

/** The short code shown in the "error" column: last_error.code, the incomplete reason, or "expired". */
export function runErrorCode(run: RunRowInput): { code: string; message: string | null } | null {
  if (run.last_error?.code) return { code: run.last_error.code, message: run.last_error.message ?? null };
  if (run.status === 'incomplete') {
    const reason = run.incomplete_details?.reason;
    return { code: reason ? `incomplete: ${reason}` : 'incomplete', message: null };
  }
  if (run.status === 'expired') return { code: 'expired', message: 'Tool outputs or completion did not arrive before expires_at.' };
  return null;
}

/** The active run among those listed (the API allows at most one per thread; the newest wins if a facade errs). */
export function findActiveRun<T extends { status: string; created_at: number }>(runs: readonly T[]): T | null {
  let found: T | null = null;
  for (const run of runs) if (ACTIVE.has(run.status) && (!found || run.created_at > found.created_at)) found = run;
  return found;
}
