import 'server-only';
import { sql } from 'kysely';
import { deriveRunState, isTerminal, stepsLastChange, stepsSignature } from '@/lib/watch/run-state';
import { recordRunsSeen, type Db } from './threads-seen';

// Runs in the index, as the proxy and the watcher read them: the run's last answer (snapshot), since when it is in
// its state, its deadline, and the watcher's schedule. Terminal runs leave the schedule (next_check_at_ms = NULL).

type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A run new to the index or whose status changed: the inbox may have changed. */
export type ChangedRun = { run_id: string; thread_id: string };

export type WatcherRead = { checkedAtMs: number; nextCheckAtMs: number };

/**
 * Records runs read from the upstream (a proxied answer or the watcher's own read). `now` is unix s on the
 * upstream's clock. A run seen for the first time is due for the watcher at once (new runs first). The watcher's own
 * reads (`byWatcher`) leave the threads' place on home alone.
 */
export async function applyRunObjects(db: Db, connectionId: string, runs: readonly Obj[], now: number, watcher?: WatcherRead, byWatcher = !!watcher): Promise<ChangedRun[]> {
  const valid = runs.filter((r) => r.object === 'thread.run' && str(r.id) && str(r.thread_id));
  if (valid.length === 0) return [];
  const changed: ChangedRun[] = [];
  const run = async (trx: Db) => {
    await recordRunsSeen(trx, connectionId, valid.map((r) => ({ runId: r.id as string, threadId: r.thread_id as string, status: str(r.status), createdAt: num(r.created_at) })), Math.floor(Date.now() / 1000), !byWatcher);
    // Every run's row in one read (a page of runs is one query, not one per run); each write below updates the map,
    // so a run listed twice in one answer still sees its first copy as the previous state.
    const rows = await trx
      .selectFrom('runs_seen')
      .select(['run_id', 'state_since', 'state_since_lower_bound', 'snapshot', 'next_check_at_ms'])
      .where('connection_id', '=', connectionId)
      .where('run_id', 'in', [...new Set(valid.map((r) => r.id as string))])
      .execute();
    const previous = new Map(rows.map((row) => [row.run_id, row]));
    for (const r of valid) {
      const runId = r.id as string;
      const prev = previous.get(runId);
      // The upsert above already wrote the new status; the previous one is in the snapshot.
      const prevStatus = prev?.snapshot ? str((JSON.parse(prev.snapshot) as Obj).status) : null;
      const state = deriveRunState(r, prev ? { status: prevStatus, stateSince: prev.state_since, lowerBound: prev.state_since_lower_bound === 1, snapshot: !!prev.snapshot } : null, now);
      const terminal = isTerminal(state.status);
      if (!prev?.snapshot || prevStatus !== state.status) changed.push({ run_id: runId, thread_id: r.thread_id as string });
      const nextCheck = terminal ? null : watcher ? watcher.nextCheckAtMs : prev?.snapshot ? (prev.next_check_at_ms ?? 0) : 0;
      const written = { snapshot: JSON.stringify(r), state_since: state.stateSince, state_since_lower_bound: state.lowerBound ? 1 : 0, next_check_at_ms: nextCheck };
      if (prev) previous.set(runId, { run_id: runId, ...written });
      await trx
        .updateTable('runs_seen')
        .set({
          ...written,
          assistant_id: state.assistantId,
          expires_at: state.expiresAt,
          ended_at: state.endedAt ?? (terminal ? now : null),
          ...(watcher ? { checked_at_ms: watcher.checkedAtMs } : {}),
          ...(state.status === 'in_progress' && prevStatus !== 'in_progress' ? { steps_changed_at: null, steps_signature: null, steps_checked_at_ms: null } : {}),
        })
        .where('connection_id', '=', connectionId)
        .where('run_id', '=', runId)
        .execute();
      if (state.assistantId) {
        await trx
          .updateTable('threads_seen')
          .set({ assistant_id: state.assistantId })
          .where('connection_id', '=', connectionId)
          .where('thread_id', '=', r.thread_id as string)
          .where('last_run_id', '=', runId)
          .execute();
      }
    }
  };
  await (db.isTransaction ? run(db) : db.transaction().execute(run));
  return changed;
}

/** The run's steps as read: progress is a new or changed step (its timestamps, or its ids and statuses). */
export async function applyStepsRead(db: Db, connectionId: string, runId: string, steps: readonly Obj[], now: number, checkedAtMs: number): Promise<void> {
  const row = await db.selectFrom('runs_seen').select(['steps_signature', 'steps_changed_at', 'state_since']).where('connection_id', '=', connectionId).where('run_id', '=', runId).executeTakeFirst();
  if (!row) return;
  const signature = stepsSignature(steps);
  const fromSteps = stepsLastChange(steps);
  let changedAt = Math.max(row.steps_changed_at ?? 0, fromSteps ?? 0, row.state_since ?? 0) || null;
  if (row.steps_signature !== null && row.steps_signature !== signature) changedAt = now;
  await db
    .updateTable('runs_seen')
    .set({ steps_signature: signature, steps_changed_at: changedAt, steps_checked_at_ms: checkedAtMs })
    .where('connection_id', '=', connectionId)
    .where('run_id', '=', runId)
    .execute();
}

/** The upstream no longer knows the run (404): it leaves the schedule. */
export async function unscheduleRun(db: Db, connectionId: string, runId: string): Promise<void> {
  await db.updateTable('runs_seen').set({ next_check_at_ms: null }).where('connection_id', '=', connectionId).where('run_id', '=', runId).execute();
}

/** Pushes a run's next read later (after a failed read), keeping its place relative to others. */
export async function rescheduleRun(db: Db, connectionId: string, runId: string, nextCheckAtMs: number): Promise<void> {
  await db.updateTable('runs_seen').set({ next_check_at_ms: nextCheckAtMs }).where('connection_id', '=', connectionId).where('run_id', '=', runId).execute();
}

export type DueRun = {
  runId: string;
  threadId: string;
  status: string | null;
  stateSince: number | null;
  expiresAt: number | null;
  stepsChangedAt: number | null;
  stepsCheckedAtMs: number | null;
  nextCheckAtMs: number;
};

/** Active runs whose next read is due, new runs (due 0) first, then the most overdue, then the nearest deadline. */
export async function dueRuns(db: Db, connectionId: string, nowMs: number, limit: number): Promise<DueRun[]> {
  const rows = await db
    .selectFrom('runs_seen')
    .select(['run_id', 'thread_id', 'status', 'state_since', 'expires_at', 'steps_changed_at', 'steps_checked_at_ms', 'next_check_at_ms'])
    .where('connection_id', '=', connectionId)
    .where('next_check_at_ms', 'is not', null)
    .where('next_check_at_ms', '<=', nowMs)
    .orderBy('next_check_at_ms')
    .orderBy(sql`COALESCE(expires_at, 99999999999)`)
    .orderBy('run_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    runId: r.run_id,
    threadId: r.thread_id,
    status: r.status,
    stateSince: r.state_since,
    expiresAt: r.expires_at,
    stepsChangedAt: r.steps_changed_at,
    stepsCheckedAtMs: r.steps_checked_at_ms,
    nextCheckAtMs: r.next_check_at_ms ?? 0,
  }));
}

export async function nextDueAtMs(db: Db, connectionId: string): Promise<number | null> {
  const row = await db
    .selectFrom('runs_seen')
    .select((eb) => eb.fn.min<number>('next_check_at_ms').as('due'))
    .where('connection_id', '=', connectionId)
    .where('next_check_at_ms', 'is not', null)
    .executeTakeFirst();
  return row?.due == null ? null : Number(row.due);
}

export async function countWatchedRuns(db: Db, connectionId: string): Promise<number> {
  const row = await db
    .selectFrom('runs_seen')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .where('next_check_at_ms', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The fields the stuck rules read, for one run. */
export async function indexedRun(db: Db, connectionId: string, runId: string): Promise<{ status: string; snapshot: Obj | null; stateSince: number | null; lowerBound: boolean; expiresAt: number | null; endedAt: number | null; stepsChangedAt: number | null } | null> {
  const r = await db
    .selectFrom('runs_seen')
    .select(['status', 'snapshot', 'state_since', 'state_since_lower_bound', 'expires_at', 'ended_at', 'steps_changed_at'])
    .where('connection_id', '=', connectionId)
    .where('run_id', '=', runId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    status: r.status ?? 'unknown',
    snapshot: r.snapshot ? (JSON.parse(r.snapshot) as Obj) : null,
    stateSince: r.state_since,
    lowerBound: r.state_since_lower_bound === 1,
    expiresAt: r.expires_at,
    endedAt: r.ended_at,
    stepsChangedAt: r.steps_changed_at,
  };
}

/** Runs known only by id and a status from elsewhere (the emulator's directory): due for a first read. */
export async function scheduleUnreadRuns(db: Db, connectionId: string, runIds: readonly string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db
    .updateTable('runs_seen')
    .set({ next_check_at_ms: 0 })
    .where('connection_id', '=', connectionId)
    .where('run_id', 'in', runIds)
    .where('snapshot', 'is', null)
    .where('next_check_at_ms', 'is', null)
    .execute();
}
