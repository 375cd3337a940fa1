import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { IndexedRun } from '@/lib/watch/stuck-rules';
import type { Db } from './threads-seen';

// Claims, notes, settings and the inbox's candidate runs (active, or ended badly since a time). Whether a candidate
// is stuck is decided by lib/watch/stuck-rules.ts; this module only reads and writes rows.

export type ClaimRow = { runId: string; threadId: string; userId: string; userName: string; claimedAtMs: number; expiresAtMs: number };

const toClaim = (r: { run_id: string; thread_id: string; user_id: string; user_name: string; claimed_at_ms: number; expires_at_ms: number }): ClaimRow => ({
  runId: r.run_id,
  threadId: r.thread_id,
  userId: r.user_id,
  userName: r.user_name,
  claimedAtMs: r.claimed_at_ms,
  expiresAtMs: r.expires_at_ms,
});

export async function getClaim(db: Db, connectionId: string, runId: string, nowMs = Date.now()): Promise<ClaimRow | null> {
  const row = await db.selectFrom('run_claims').selectAll().where('connection_id', '=', connectionId).where('run_id', '=', runId).where('expires_at_ms', '>', nowMs).executeTakeFirst();
  return row ? toClaim(row) : null;
}

/** Claims a run for a user: taken when free, expired or already theirs (renewed); otherwise the holder's claim. */
export async function claimRun(db: Db, c: { connectionId: string; runId: string; threadId: string; userId: string; userName: string; ttlMs: number; nowMs?: number }): Promise<{ claimed: true; claim: ClaimRow } | { claimed: false; claim: ClaimRow }> {
  const nowMs = c.nowMs ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const current = await getClaim(trx, c.connectionId, c.runId, nowMs);
    if (current && current.userId !== c.userId) return { claimed: false as const, claim: current };
    const row = { connection_id: c.connectionId, run_id: c.runId, thread_id: c.threadId, user_id: c.userId, user_name: c.userName, claimed_at_ms: current?.claimedAtMs ?? nowMs, expires_at_ms: nowMs + c.ttlMs };
    await trx
      .insertInto('run_claims')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['connection_id', 'run_id']).doUpdateSet({ thread_id: row.thread_id, user_id: row.user_id, user_name: row.user_name, claimed_at_ms: row.claimed_at_ms, expires_at_ms: row.expires_at_ms }),
      )
      .execute();
    return { claimed: true as const, claim: toClaim(row) };
  });
}

export async function releaseClaim(db: Db, connectionId: string, runId: string): Promise<void> {
  await db.deleteFrom('run_claims').where('connection_id', '=', connectionId).where('run_id', '=', runId).execute();
}

export async function claimsFor(db: Db, connectionId: string, runIds: readonly string[], nowMs = Date.now()): Promise<Map<string, ClaimRow>> {
  const out = new Map<string, ClaimRow>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db.selectFrom('run_claims').selectAll().where('connection_id', '=', connectionId).where('run_id', 'in', chunk).where('expires_at_ms', '>', nowMs).execute();
    for (const r of rows) out.set(r.run_id, toClaim(r));
  }
  return out;
}

/** Live claims on a thread's runs, oldest first (the thread page's "who is on which run"). */
export async function claimsOnThread(db: Db, connectionId: string, threadId: string, nowMs = Date.now()): Promise<ClaimRow[]> {
  const rows = await db
    .selectFrom('run_claims')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .where('thread_id', '=', threadId)
    .where('expires_at_ms', '>', nowMs)
    .orderBy('claimed_at_ms')
    .orderBy('run_id')
    .limit(200)
    .execute();
  return rows.map(toClaim);
}

export type NoteRow = { id: string; threadId: string; runId: string | null; body: string; authorId: string; authorName: string; createdAtMs: number; editedAtMs: number | null };
type NoteDb = { id: string; thread_id: string; run_id: string | null; body: string; author_id: string; author_name: string; created_at_ms: number; edited_at_ms: number | null };
const toNote = (r: NoteDb): NoteRow => ({ id: r.id, threadId: r.thread_id, runId: r.run_id, body: r.body, authorId: r.author_id, authorName: r.author_name, createdAtMs: r.created_at_ms, editedAtMs: r.edited_at_ms });
const NOTE_COLUMNS = ['id', 'thread_id', 'run_id', 'body', 'author_id', 'author_name', 'created_at_ms', 'edited_at_ms'] as const;

export async function createNote(db: Db, n: { connectionId: string; threadId: string; runId: string | null; body: string; authorId: string; authorName: string; nowMs?: number }): Promise<NoteRow> {
  const row = { id: `note_${randomUUID().replace(/-/g, '')}`, connection_id: n.connectionId, thread_id: n.threadId, run_id: n.runId, body: n.body, author_id: n.authorId, author_name: n.authorName, created_at_ms: n.nowMs ?? Date.now(), edited_at_ms: null };
  await db.insertInto('notes').values(row).execute();
  return toNote(row);
}

export async function getNote(db: Db, connectionId: string, id: string): Promise<NoteRow | null> {
  const row = await db.selectFrom('notes').select(NOTE_COLUMNS).where('connection_id', '=', connectionId).where('id', '=', id).executeTakeFirst();
  return row ? toNote(row) : null;
}

export async function editNote(db: Db, connectionId: string, id: string, body: string, nowMs = Date.now()): Promise<void> {
  await db.updateTable('notes').set({ body, edited_at_ms: nowMs }).where('connection_id', '=', connectionId).where('id', '=', id).execute();
}

export async function deleteNote(db: Db, connectionId: string, id: string): Promise<void> {
  await db.deleteFrom('notes').where('connection_id', '=', connectionId).where('id', '=', id).execute();
}

/** A thread's notes (or one run's), newest first. */
export async function listNotes(db: Db, connectionId: string, threadId: string, runId: string | null, limit = 200): Promise<NoteRow[]> {
  let query = db.selectFrom('notes').select(NOTE_COLUMNS).where('connection_id', '=', connectionId).where('thread_id', '=', threadId);
  if (runId) query = query.where('run_id', '=', runId);
  const rows = await query.orderBy('created_at_ms', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toNote);
}

/** The newest note per run (for inbox rows). */
export async function lastNotesFor(db: Db, connectionId: string, runIds: readonly string[]): Promise<Map<string, NoteRow>> {
  const out = new Map<string, NoteRow>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db.selectFrom('notes').select(NOTE_COLUMNS).where('connection_id', '=', connectionId).where('run_id', 'in', chunk).orderBy('created_at_ms', 'desc').execute();
    for (const r of rows) if (r.run_id && !out.has(r.run_id)) out.set(r.run_id, toNote(r));
  }
  return out;
}

export async function getSetting(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

export async function putSetting(db: Db, key: string, value: string, by: string | null): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at_ms: Date.now(), updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at_ms: Date.now(), updated_by: by }))
    .execute();
}

/** What the stuck rules read (IndexedRun), and what an inbox row shows besides. */
export type CandidateRow = IndexedRun & {
  runId: string;
  threadId: string;
  checkedAtMs: number | null;
  seenAt: number;
  assistantId: string | null;
  threadTitle: string | null;
  customerRef: string | null;
};

const ACTIVE = ['queued', 'in_progress', 'requires_action', 'cancelling'];
const ENDED_BADLY = ['failed', 'expired', 'incomplete'];

/** Runs that may be in the inbox: every active run of a thread not gone, and runs that ended badly since `endedSince`. */
export async function inboxCandidates(db: Db, connectionId: string, endedSince: number): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('runs_seen as r')
    .leftJoin('threads_seen as t', (j) => j.onRef('t.connection_id', '=', 'r.connection_id').onRef('t.thread_id', '=', 'r.thread_id'))
    .select([
      'r.run_id',
      'r.thread_id',
      'r.status',
      'r.snapshot',
      'r.state_since',
      'r.state_since_lower_bound',
      'r.expires_at',
      'r.ended_at',
      'r.steps_changed_at',
      'r.checked_at_ms',
      'r.seen_at',
      'r.assistant_id',
      't.title',
      't.customer_ref',
    ])
    .where('r.connection_id', '=', connectionId)
    .where('t.gone_at', 'is', null)
    .where((eb) => eb.or([eb('r.status', 'in', ACTIVE), eb.and([eb('r.status', 'in', ENDED_BADLY), eb('r.ended_at', '>=', endedSince)])]))
    .where('r.snapshot', 'is not', null)
    .orderBy(sql`COALESCE(r.state_since, 0)`)
    .orderBy('r.run_id')
    .execute();
  return rows.map((r) => ({
    runId: r.run_id,
    threadId: r.thread_id,
    status: r.status ?? 'unknown',
    snapshot: r.snapshot ? (JSON.parse(r.snapshot) as Record<string, unknown>) : null,
    stateSince: r.state_since,
    lowerBound: r.state_since_lower_bound === 1,
    expiresAt: r.expires_at,
    endedAt: r.ended_at,
    stepsChangedAt: r.steps_changed_at,
    checkedAtMs: r.checked_at_ms,
    seenAt: r.seen_at,
    assistantId: r.assistant_id,
    threadTitle: r.title ?? null,
    customerRef: r.customer_ref ?? null,
  }));
}
