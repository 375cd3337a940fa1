import 'server-only';
import { getStore } from '@/lib/store/db';
import { recordProxiedAnswer } from '@/lib/store/record-proxied';
import { eventBus } from '@/lib/watch/events';
import { upstreamNow } from '@/lib/upstream/clock';
import type { ChangedRun } from '@/lib/store/index-runs';
import { log } from './log';

// Seam called after every successful JSON answer the proxy passes back. It remembers threads and runs seen through
// Runboard (the API cannot list threads nor find a run without its thread), feeding the home page's recent threads
// and the run-id lookup. Must never break nor slow the proxied answer: answers are queued and written once the
// current turn of the event loop is over (the one in which Next writes the response), in one
// transaction per batch; failures are logged and swallowed.
// Readers of what was recorded await flushObservedAnswers() first, so they always see every answer already passed on.
// These are sightings, not records of what people did (that is the audit log): a server killed between an answer and
// the next turn of the event loop may forget the last few, which the next read of those threads records again.

export type ProxiedResponseContext = {
  connectionId: string;
  endpointId: string;
  params: Record<string, string>;
  status: number;
  body: unknown;
  upstreamNow?: number;
};

/** A full queue is written at once (on the request that fills it) rather than growing or dropping sightings. */
const MAX_QUEUED = 256;

type ObserveQueue = { pending: ProxiedResponseContext[]; timer: NodeJS.Immediate | null; writing: Promise<void>; recent: Map<string, number> };
// On globalThis: Next evaluates route bundles as separate module instances, and all must share one queue.
const holder = globalThis as typeof globalThis & { runboardObserveQueue?: ObserveQueue };

function queue(): ObserveQueue {
  holder.runboardObserveQueue ??= { pending: [], timer: null, writing: Promise.resolve(), recent: new Map() };
  return holder.runboardObserveQueue;
}

/**
 * A run polled by a page or a script comes back unchanged several times a second; writing the same sighting again
 * only moves its "seen at" time. One run answer is written per id and status at most this often (a new status is
 * written at once), so polling costs no database write per request.
 */
export const REPEAT_SIGHTING_MS = 10_000;
const MAX_REMEMBERED = 5_000;

/** The run a single-run answer shows, as `connection|run|thread|status`; null for any other answer. */
function runSightingKey(ctx: ProxiedResponseContext): string | null {
  const body = ctx.body as { object?: unknown; id?: unknown; thread_id?: unknown; status?: unknown } | null;
  // Only plain reads repeat: a mutation's answer (metadata changed, outputs submitted) is always written.
  if (ctx.endpointId !== 'getRun' || ctx.status !== 200 || typeof body !== 'object' || body === null || body.object !== 'thread.run') return null;
  return `${ctx.connectionId}|${String(body.id)}|${String(body.thread_id)}|${String(body.status)}`;
}

/** Forget which runs were written lately (their rows were removed behind the queue's back, as tests do). */
export function forgetRecentSightings(): void {
  queue().recent.clear();
}

export function observeProxiedResponse(ctx: ProxiedResponseContext): void {
  const q = queue();
  const key = runSightingKey(ctx);
  const now = Date.now();
  if (ctx.status === 404) {
    // A thread the upstream no longer knows is forgotten: the next answer about its runs records it again.
    q.recent.clear();
  } else if (key !== null) {
    const last = q.recent.get(key);
    if (last !== undefined && now - last < REPEAT_SIGHTING_MS) return;
    if (q.recent.size >= MAX_REMEMBERED) q.recent.clear();
    q.recent.set(key, now);
  }
  // The upstream's clock when the answer came, not when it is written (runs' state_since is measured on it).
  q.pending.push({ ...ctx, upstreamNow: upstreamNow(ctx.connectionId) });
  if (q.pending.length >= MAX_QUEUED) {
    void flushObservedAnswers();
    return;
  }
  // Not a longer timer: one request at a time, a write due a few milliseconds later lands on the next request.
  q.timer ??= setImmediate(() => void flushObservedAnswers());
}

/**
 * Writes every queued answer now, in one transaction, after any write already under way. Resolves once everything
 * queued so far is stored (or logged as failed); never rejects. Safe to call at any time.
 */
export function flushObservedAnswers(): Promise<void> {
  const q = queue();
  if (q.timer) clearImmediate(q.timer);
  q.timer = null;
  if (q.pending.length === 0) return q.writing;
  const batch = q.pending;
  q.pending = [];
  q.writing = q.writing.then(() => writeBatch(batch));
  return q.writing;
}

async function writeBatch(batch: ProxiedResponseContext[]): Promise<void> {
  let db;
  try {
    ({ db } = await getStore());
  } catch (error) {
    log('warn', 'store.record_failed', { answers: batch.length, error });
    return;
  }
  const changed: ChangedRun[] = [];
  // A run seen changing through the proxy (created, cancelled, answered) may enter or leave the inbox at once.
  const announce = () => {
    eventBus().hint(changed);
  };
  try {
    await db.transaction().execute(async (trx) => {
      for (const answer of batch) changed.push(...(await recordProxiedAnswer(trx, answer)));
    });
    announce();
    return;
  } catch {
    changed.length = 0;
    // Written again below, one by one.
  }
  // One bad answer must not cost the others their sightings (and PostgreSQL gives up the whole transaction after
  // an error): each is written on its own; recording a sighting twice changes nothing.
  for (const answer of batch) {
    await recordProxiedAnswer(db, answer)
      .then((runs) => changed.push(...runs))
      .catch((error: unknown) => log('warn', 'store.record_failed', { endpointId: answer.endpointId, error }));
  }
  announce();
}
