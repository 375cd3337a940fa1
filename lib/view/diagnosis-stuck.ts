/**
 * Diagnoses of the three states a run can get stuck in (queued, in_progress, cancelling). Each says how long it has
 * been — and when that is only a bound, which bound and why — and what can honestly be done: a server that lets a
 * deadline pass without expiring the run will not expire it later either, so "wait for it to expire" is only
 * offered while the deadline is ahead.
 */
import { spanCoarse, spanFine } from './diagnosis-format';
import type { Diagnosis, DiagnosisContext, DiagnosisTone } from './diagnosis';
import type { RunLike } from './run-shapes';

export const LONG_QUEUE_S = 60;
/** Most runs finish within a few minutes; past this, an in-progress run deserves a look. */
export const LONG_RUN_S = 5 * 60;
const EXPIRY_WARNING_S = 120;

/** ", expires in 2 min 40 s" or "; its deadline passed 1 min ago" (the server has not expired it yet). */
export function expiryClause(run: RunLike, now: number): string {
  if (run.expires_at == null) return '';
  const left = run.expires_at - now;
  return left > 0 ? `; expires in ${spanFine(left)}` : `; its deadline passed ${spanCoarse(-left)} ago`;
}

export function expiryTone(run: RunLike, now: number, otherwise: DiagnosisTone): DiagnosisTone {
  if (run.expires_at == null) return otherwise;
  const left = run.expires_at - now;
  if (left <= 0) return 'danger';
  return left <= EXPIRY_WARNING_S ? 'warning' : otherwise;
}

const deadlinePassed = (run: RunLike, now: number) => run.expires_at != null && run.expires_at <= now;

/** What to do when waiting will not end it: the server let the deadline pass (or set none). */
function wontEndOnItsOwn(run: RunLike, now: number): string {
  return run.expires_at == null
    ? 'The server set no deadline (expires_at), so nothing will expire it'
    : `Its deadline passed ${spanCoarse(now - run.expires_at)} ago and the server did not expire it, so it will not expire on its own`;
}

function reportHint(run: RunLike): string {
  return `If the cancel is not confirmed within a few minutes, report run ${run.id} to whoever runs the server.`;
}

export function diagnoseQueued(run: RunLike, now: number): Diagnosis {
  // started_at is set on (re)entering in_progress; a queued run that has one was re-queued after tool outputs.
  const requeued = run.started_at != null;
  const since = requeued ? (run.started_at as number) : run.created_at;
  const waited = now - since;
  const long = waited >= LONG_QUEUE_S;
  const stuckForGood = long && (run.expires_at == null || deadlinePassed(run, now));
  const headline = requeued
    ? `Queued again after tool outputs were submitted: waiting for the backend to resume${long ? ` (at most ${spanCoarse(waited)}: counted from when it last started running)` : ''}${expiryClause(run, now)}`
    : `Queued for ${spanCoarse(waited)}: ${long ? 'the backend has not picked it up' : 'waiting for the backend to pick it up'}${expiryClause(run, now)}`;
  let advice: string | null = null;
  if (stuckForGood) {
    advice = `${wontEndOnItsOwn(run, now)}: the thread stays locked until the run is cancelled. Cancel it to unlock the thread. ${reportHint(run)}`;
  } else if (long) {
    advice = `The thread stays locked while the run is queued. The server should expire it at its deadline (in ${spanFine((run.expires_at as number) - now)}); cancel it to unlock the thread sooner.`;
  }
  return {
    tone: stuckForGood ? 'danger' : expiryTone(run, now, long ? 'warning' : 'info'),
    headline,
    advice,
    countdownTo: run.expires_at ?? null,
    duration: { seconds: waited, bound: requeued ? 'upper' : 'exact', basis: requeued ? 'since started_at' : 'since created_at' },
  };
}

export function diagnoseInProgress(run: RunLike, now: number): Diagnosis {
  const since = run.started_at ?? run.created_at;
  const ran = now - since;
  const passed = deadlinePassed(run, now);
  const long = ran >= LONG_RUN_S;
  let advice: string | null = null;
  if (passed || (long && run.expires_at == null)) {
    advice = `${wontEndOnItsOwn(run, now)}: it looks stuck. Check whether the steps below still make progress; if not, cancel it to unlock the thread. ${reportHint(run)}`;
  } else if (long) {
    advice = `Longer than most runs. If the steps below show no progress, cancel it to unlock the thread; otherwise the server expires it at its deadline (in ${spanFine((run.expires_at as number) - now)}).`;
  }
  return {
    tone: passed ? 'danger' : expiryTone(run, now, long ? 'warning' : 'info'),
    headline:
      run.started_at == null
        ? `Running for at most ${spanCoarse(ran)} (the server did not report when it started; counted from creation)${expiryClause(run, now)}`
        : `Running for ${spanCoarse(ran)}${expiryClause(run, now)}`,
    advice,
    countdownTo: run.expires_at ?? null,
    duration: { seconds: ran, bound: run.started_at == null ? 'upper' : 'exact', basis: run.started_at == null ? 'since created_at' : 'since started_at' },
  };
}

/**
 * The API records no "cancel requested at". Best to worst: this browser sent it, or Runboard's audit log recorded it
 * (both exact); otherwise only bounds: it came after the run last started (started_at, else created_at) and before
 * this page first saw the run cancelling.
 */
export function diagnoseCancelling(run: RunLike, ctx: DiagnosisContext): Diagnosis {
  const { now } = ctx;
  const exactAt = ctx.cancelRequestedAt ?? ctx.cancelRecorded?.at ?? null;
  const by = ctx.cancelRequestedAt == null ? (ctx.cancelRecorded?.by ?? null) : null;
  const after = run.started_at ?? run.created_at;
  const waited = exactAt != null ? now - exactAt : now - after;
  const passed = deadlinePassed(run, now);
  const lingering = waited >= LONG_QUEUE_S;
  let headline: string;
  let duration: Diagnosis['duration'];
  let boundNote = '';
  if (exactAt != null) {
    headline = `Cancel requested ${spanCoarse(now - exactAt)} ago${by ? ` by ${by}` : ''} and not confirmed`;
    duration = { seconds: now - exactAt, bound: 'exact', basis: ctx.cancelRequestedAt != null ? 'sent from this page' : 'Runboard audit log' };
  } else {
    headline = `Cancel requested up to ${spanCoarse(now - after)} ago and not confirmed`;
    duration = { seconds: now - after, bound: 'upper', basis: run.started_at != null ? 'since started_at' : 'since created_at' };
    const seen = ctx.cancellingSeenAt != null && now - ctx.cancellingSeenAt >= 1 ? `, and at least ${spanCoarse(now - ctx.cancellingSeenAt)} ago (this page has seen it cancelling that long)` : '';
    boundNote =
      ` The API does not record when cancel was requested and Runboard has no record of it (it was not cancelled through Runboard), so only bounds are known: ` +
      `after the run ${run.started_at != null ? 'last started' : 'was created'} ${spanCoarse(now - after)} ago${seen}.`;
  }
  let advice = 'Cancellation is best-effort: the run may still finish, fail or expire. The thread stays locked until it ends.';
  if (passed) {
    advice = `${wontEndOnItsOwn(run, now)}. Cancelling again does not help (a cancelling run cannot be cancelled twice). Report run ${run.id} to whoever runs the server; the thread stays locked until it ends.`;
  } else if (lingering) {
    advice =
      'The server accepted the cancel but has not finished it. Cancelling again does not help (a cancelling run cannot be cancelled twice)' +
      (run.expires_at != null ? `; if it is still cancelling at its deadline (in ${spanFine(run.expires_at - now)}) the server should expire it.` : '.') +
      ` If it stays like this, report run ${run.id} to whoever runs the server.`;
  }
  return {
    tone: passed ? 'danger' : lingering ? 'warning' : 'info',
    headline,
    advice: advice + boundNote,
    countdownTo: run.expires_at ?? null,
    duration,
  };
}
