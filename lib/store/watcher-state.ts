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

/**
 * Takes or renews the connection's watcher lease for `owner` until `untilMs`: true when this owner holds it (it was
 * free, expired or already its own). Other instances stand by until it lapses (a killed owner's lease runs out).
 */
export async function holdWatcherLease(db: Db, connectionId: string, owner: string, nowMs: number, untilMs: number): Promise<boolean> {
  await db
    .insertInto('watcher_state')
    .values({ connection_id: connectionId, state: 'running', failures: 0, last_request_at_ms: null, retry_at_ms: null, last_cycle_at_ms: null, clock_offset_ms: null })
    .onConflict((oc) => oc.column('connection_id').doNothing())
    .execute();
  const result = await db
    .updateTable('watcher_state')
    .set({ lease_owner: owner, lease_until_ms: untilMs })
    .where('connection_id', '=', connectionId)
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_owner', '=', owner), eb('lease_until_ms', '<', nowMs)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function releaseWatcherLease(db: Db, connectionId: string, owner: string): Promise<void> {
  await db.updateTable('watcher_state').set({ lease_owner: null, lease_until_ms: null }).where('connection_id', '=', connectionId).where('lease_owner', '=', owner).execute();
}
