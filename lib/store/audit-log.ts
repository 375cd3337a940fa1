import 'server-only';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { AuditLogTable, Database } from './schema';

// Reading the audit log (the /audit page, exports, run and thread history) and retention. Writing lives in
// lib/server/audit.ts, the one seam every mutation and security event goes through. Newest first; the cursor is the
// last row's (at_ms, id), so pages stay stable while new records arrive.

export type AuditRow = AuditLogTable;
export type AuditOutcomeFilter = 'success' | 'failure' | 'unknown';

export type AuditFilter = {
  /** Matches the actor's id, email or name exactly. */
  actor?: string;
  /** Only this actor's records (operators see their own). */
  actorId?: string;
  action?: string[];
  category?: 'mutation' | 'security';
  threadId?: string;
  runId?: string;
  outcome?: AuditOutcomeFilter;
  /** Inclusive lower / exclusive upper bound, unix ms. */
  fromMs?: number;
  toMs?: number;
};

export type AuditCursor = { atMs: number; id: string };

export function encodeCursor(c: AuditCursor): string {
  return Buffer.from(`${c.atMs}:${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): AuditCursor | null {
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const match = /^(\d{1,16}):([\w-]{1,64})$/.exec(text);
  return match ? { atMs: Number(match[1]), id: match[2]! } : null;
}

function filtered(db: Kysely<Database>, f: AuditFilter, after: AuditCursor | null) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (f.actor) and.push(eb.or([eb('actor_id', '=', f.actor), eb('actor_email', '=', f.actor), eb('actor_name', '=', f.actor)]));
      if (f.actorId) and.push(eb('actor_id', '=', f.actorId));
      if (f.action && f.action.length > 0) and.push(eb('action', 'in', f.action));
      if (f.category) and.push(eb('category', '=', f.category));
      if (f.threadId) and.push(eb('thread_id', '=', f.threadId));
      if (f.runId) and.push(eb('run_id', '=', f.runId));
      if (f.outcome === 'unknown') and.push(eb('outcome', 'is', null));
      else if (f.outcome) and.push(eb('outcome', '=', f.outcome));
      if (f.fromMs !== undefined) and.push(eb('at_ms', '>=', f.fromMs));
      if (f.toMs !== undefined) and.push(eb('at_ms', '<', f.toMs));
      if (after) and.push(eb.or([eb('at_ms', '<', after.atMs), eb.and([eb('at_ms', '=', after.atMs), eb('id', '<', after.id)])]));
      return eb.and(and);
    })
    .orderBy('at_ms', 'desc')
    .orderBy('id', 'desc');
}

/** One page of records, newest first, with the cursor of the next page (null at the end). */
export async function listAuditRecords(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { limit: number; after?: AuditCursor | null },
): Promise<{ rows: AuditRow[]; next: AuditCursor | null }> {
  const rows = await filtered(db, filter, page.after ?? null).limit(page.limit + 1).execute();
  const more = rows.length > page.limit;
  const kept = more ? rows.slice(0, page.limit) : rows;
  const last = kept[kept.length - 1];
  return { rows: kept, next: more && last ? { atMs: last.at_ms, id: last.id } : null };
}

/** Every matching record, newest first, read in batches (exports stream this without holding the set in memory). */
export async function* iterateAuditRecords(db: Kysely<Database>, filter: AuditFilter, batch = 500): AsyncGenerator<AuditRow> {
  let after: AuditCursor | null = null;
  for (;;) {
    const { rows, next } = await listAuditRecords(db, filter, { limit: batch, after });
    yield* rows;
    if (!next) return;
    after = next;
  }
}

/** Deletes records older than the retention period; the only delete on this table. Returns how many went. */
export async function applyAuditRetention(db: Kysely<Database>, nowMs: number, retentionDays: number): Promise<number> {
  const cutoff = nowMs - retentionDays * 24 * 60 * 60 * 1000;
  const result = await db.deleteFrom('audit_log').where('at_ms', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
