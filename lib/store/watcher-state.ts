import 'server-only';
import type { Db } from './threads-seen';

// The watcher's per-connection state that must survive a restart: when its last request started (so a new process
// keeps the pace), the back-off it is in, and the upstream's clock offset.

export type WatcherStateRow = { state: string; lastRequestAtMs: number | null; retryAtMs: number | null; failures: number; lastCycleAtMs: number | null; clockOffsetMs: number | null };

export async function loadWatcherState(db: Db, connectionId: string): Promise<WatcherStateRow | null> {
  const row = await db.selectFrom('watcher_state').selectAll().where('connection_id', '=', connectionId).executeTakeFirst();
  if (!row) return null;
  return { state: row.state, lastRequestAtMs: row.last_request_at_ms, retryAtMs: row.retry_at_ms, failures: row.failures, lastCycleAtMs: row.last_cycle_at_ms, clockOffsetMs: row.clock_offset_ms };
}

export async function saveWatcherState(db: Db, connectionId: string, s: WatcherStateRow): Promise<void> {
  const values = { state: s.state, last_request_at_ms: s.lastRequestAtMs, retry_at_ms: s.retryAtMs, failures: s.failures, last_cycle_at_ms: s.lastCycleAtMs, clock_offset_ms: s.clockOffsetMs };
  await db
    .insertInto('watcher_state')
    .values({ connection_id: connectionId, ...values })
    .onConflict((oc) => oc.column('connection_id').doUpdateSet(values))
    .execute();
}
