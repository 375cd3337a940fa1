import 'server-only';
import { getDb } from '@/lib/store/db';
import { recordProxiedAnswer } from '@/lib/store/record-proxied';
import { log } from './log';

// Seam called after every successful JSON answer the proxy passes back. It remembers threads and runs seen through
// Runboard (the API cannot list threads nor find a run without its thread), feeding the home page's recent threads
// and the run-id lookup. Must never break nor slow the proxied answer: answers are queued and written once the
// current turn of the event loop is over (the one in which Next writes the response), in one
// transaction per batch; failures are logged and swallowed.
// Readers of what was recorded call flushObservedAnswers() first, so they always see every answer already passed on.

export type ProxiedResponseContext = {
  connectionId: string;
  endpointId: string;
  params: Record<string, string>;
  status: number;
  body: unknown;
};

/** A full queue is written at once (on the request that fills it) rather than growing or dropping sightings. */
const MAX_QUEUED = 256;

type ObserveQueue = { pending: ProxiedResponseContext[]; timer: NodeJS.Immediate | null; exitHook: boolean };
// On globalThis: Next evaluates route bundles as separate module instances, and all must share one queue.
const holder = globalThis as typeof globalThis & { runboardObserveQueue?: ObserveQueue };

function queue(): ObserveQueue {
  holder.runboardObserveQueue ??= { pending: [], timer: null, exitHook: false };
  return holder.runboardObserveQueue;
}

export function observeProxiedResponse(ctx: ProxiedResponseContext): void {
  const q = queue();
  q.pending.push(ctx);
  if (q.pending.length >= MAX_QUEUED) {
    flushObservedAnswers();
    return;
  }
  if (!q.exitHook) {
    // A stopping server writes what it still holds (better-sqlite3 is synchronous, so this works in 'exit').
    q.exitHook = true;
    process.once('exit', flushObservedAnswers);
  }
  // Not a longer timer: one request at a time, a write due a few milliseconds later lands on the next request.
  q.timer ??= setImmediate(flushObservedAnswers);
}

/** Writes every queued answer now, in one transaction. Safe to call at any time (a no-op when nothing is queued). */
export function flushObservedAnswers(): void {
  const q = queue();
  if (q.timer) clearImmediate(q.timer);
  q.timer = null;
  if (q.pending.length === 0) return;
  const batch = q.pending;
  q.pending = [];
  let db;
  try {
    db = getDb();
  } catch (error) {
    log('warn', 'store.record_failed', { answers: batch.length, error });
    return;
  }
  const writeBatch = db.transaction((answers: ProxiedResponseContext[]) => {
    for (const answer of answers) {
      // One bad answer must not cost the others their sightings.
      try {
        recordProxiedAnswer(db, answer);
      } catch (error) {
        log('warn', 'store.record_failed', { endpointId: answer.endpointId, error });
      }
    }
  });
  try {
    writeBatch(batch);
  } catch (error) {
    log('warn', 'store.record_failed', { answers: batch.length, error });
  }
}
