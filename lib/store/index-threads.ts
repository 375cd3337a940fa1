import 'server-only';
import { recordThreadSeen, type Db } from './threads-seen';

// The thread index: registration (POST /api/index/threads), search terms, watches, and what the watcher learns
// about a thread (its metadata, or that the upstream no longer has it: gone_at, never silently dropped).
// Search is by prefix over lowercased terms (the id, the title and its words, the customer reference, metadata
// values and their words), through an index on both engines.

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Runs `fn` in a transaction, or inside the caller's (a batch of proxied answers is one transaction). */
const inTx = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
const TERM_MAX = 200;

export type Registration = { id: string; customerRef?: string | null; labels?: readonly string[] };

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_-]+/u)
    .filter((w) => w.length >= 2);
}

/** The terms a thread is found by. */
export function threadTerms(t: { threadId: string; title?: string | null; customerRef?: string | null; metadata?: Record<string, string> | null }): Array<{ term: string; kind: string }> {
  const out = new Map<string, string>();
  const add = (term: string, kind: string) => {
    const clipped = term.toLowerCase().trim().slice(0, TERM_MAX);
    if (clipped && !out.has(clipped)) out.set(clipped, kind);
  };
  add(t.threadId, 'id');
  if (t.customerRef) add(t.customerRef, 'customer_ref');
  if (t.title) {
    add(t.title, 'title');
    for (const w of words(t.title)) add(w, 'title');
  }
  for (const value of Object.values(t.metadata ?? {})) {
    if (typeof value !== 'string') continue;
    add(value, 'metadata');
    for (const w of words(value)) add(w, 'metadata');
  }
  return [...out].map(([term, kind]) => ({ term, kind }));
}

/** Rewrites a thread's terms from its current row. */
export async function refreshTerms(db: Db, connectionId: string, threadId: string): Promise<void> {
  const row = await db
    .selectFrom('threads_seen')
    .select(['title', 'customer_ref', 'metadata'])
    .where('connection_id', '=', connectionId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  await db.deleteFrom('index_terms').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).execute();
  if (!row) return;
  const metadata = row.metadata ? (JSON.parse(row.metadata) as Record<string, string>) : null;
  const terms = threadTerms({ threadId, title: row.title, customerRef: row.customer_ref, metadata });
  if (terms.length > 0) {
    await db.insertInto('index_terms').values(terms.map((t) => ({ connection_id: connectionId, thread_id: threadId, term: t.term, kind: t.kind }))).execute();
  }
}

export type RegisterResult = { new: number; known: number };

/**
 * Registers threads (already validated). A known thread keeps what it had and gains the customer ref and labels
 * given; a new one is due for the watcher's first read (discover_at_ms = 0).
 */
export async function registerThreads(db: Db, connectionId: string, threads: readonly Registration[], now = nowSeconds()): Promise<RegisterResult> {
  let created = 0;
  let known = 0;
  await inTx(db, async (trx) => {
    for (const t of threads) {
      const existing = await trx.selectFrom('threads_seen').select(['thread_id']).where('connection_id', '=', connectionId).where('thread_id', '=', t.id).executeTakeFirst();
      if (existing) {
        known += 1;
        await trx
          .updateTable('threads_seen')
          .set({
            source: 'registered',
            ...(t.customerRef ? { customer_ref: t.customerRef } : {}),
            ...(t.labels && t.labels.length > 0 ? { labels: JSON.stringify(t.labels) } : {}),
          })
          .where('connection_id', '=', connectionId)
          .where('thread_id', '=', t.id)
          .execute();
      } else {
        created += 1;
        await trx
          .insertInto('threads_seen')
          .values({
            connection_id: connectionId,
            thread_id: t.id,
            title: null,
            title_source: null,
            created_at: null,
            // Registered, not seen: it sorts after what people actually opened until the watcher reads it.
            first_seen_at: now,
            last_seen_at: 1,
            customer_ref: t.customerRef ?? null,
            labels: t.labels && t.labels.length > 0 ? JSON.stringify(t.labels) : null,
            source: 'registered',
            registered_at: now,
            discover_at_ms: 0,
          })
          .execute();
      }
      await refreshTerms(trx, connectionId, t.id);
    }
  });
  return { new: created, known };
}

/** What the watcher read of a thread: metadata, title, creation time. Clears gone_at (it exists again). */
export async function applyThreadRead(db: Db, connectionId: string, thread: Record<string, unknown>, title: string | null, seenAt?: number): Promise<void> {
  const threadId = thread.id as string;
  const metadata = typeof thread.metadata === 'object' && thread.metadata ? (thread.metadata as Record<string, string>) : {};
  const createdAt = typeof thread.created_at === 'number' ? thread.created_at : null;
  await inTx(db, async (trx) => {
    const row = await trx.selectFrom('threads_seen').select(['last_seen_at']).where('connection_id', '=', connectionId).where('thread_id', '=', threadId).executeTakeFirst();
    // A read by the watcher is not a person's visit: it keeps the thread's place on home (seenAt = its own).
    await recordThreadSeen(trx, { connectionId, threadId, createdAt, title: title ? { text: title, source: 'metadata' } : null, seenAt: seenAt ?? row?.last_seen_at ?? 1 });
    await trx
      .updateTable('threads_seen')
      .set({ metadata: JSON.stringify(metadata), gone_at: null, last_checked_at: nowSeconds() })
      .where('connection_id', '=', connectionId)
      .where('thread_id', '=', threadId)
      .execute();
    await refreshTerms(trx, connectionId, threadId);
  });
}

export async function markThreadGone(db: Db, connectionId: string, threadId: string, at = nowSeconds()): Promise<void> {
  await inTx(db, async (trx) => {
    await trx
      .updateTable('threads_seen')
      .set((eb) => ({ gone_at: eb.fn.coalesce('gone_at', eb.val(at)), last_checked_at: at, discover_at_ms: null }))
      .where('connection_id', '=', connectionId)
      .where('thread_id', '=', threadId)
      .execute();
    await trx.updateTable('runs_seen').set({ next_check_at_ms: null }).where('connection_id', '=', connectionId).where('thread_id', '=', threadId).execute();
  });
}

export async function scheduleDiscovery(db: Db, connectionId: string, threadId: string, atMs: number | null): Promise<void> {
  await db.updateTable('threads_seen').set({ discover_at_ms: atMs }).where('connection_id', '=', connectionId).where('thread_id', '=', threadId).execute();
}

export async function markThreadChecked(db: Db, connectionId: string, threadId: string, at = nowSeconds()): Promise<void> {
  await db.updateTable('threads_seen').set({ last_checked_at: at }).where('connection_id', '=', connectionId).where('thread_id', '=', threadId).execute();
}

/** `background`: a re-check of home's threads, done only when no run is due. */
export type ThreadJob = { threadId: string; kind: 'read' | 'discover'; background?: boolean };

/**
 * Thread work due for the watcher: registered threads never read (read the thread: 404 → gone), then threads whose
 * newest runs are due (watched or registered), then home's most recent threads not checked since `checkedBefore`
 * (unix s: the watcher passes its own start, so a restarted server re-checks what home shows, then every 10 min).
 */
export async function dueThreadJobs(db: Db, connectionId: string, nowMs: number, limit: number, checkedBefore: number | null = Math.floor(nowMs / 1000) - 600): Promise<ThreadJob[]> {
  const unread = await db
    .selectFrom('threads_seen')
    .select('thread_id')
    .where('connection_id', '=', connectionId)
    .where('source', '=', 'registered')
    .where('last_checked_at', 'is', null)
    .where('gone_at', 'is', null)
    .orderBy('registered_at')
    .orderBy('thread_id')
    .limit(limit)
    .execute();
  if (unread.length > 0) return unread.map((r) => ({ threadId: r.thread_id, kind: 'read' }));
  const discover = await db
    .selectFrom('threads_seen')
    .select('thread_id')
    .where('connection_id', '=', connectionId)
    .where('discover_at_ms', 'is not', null)
    .where('discover_at_ms', '<=', nowMs)
    .where('gone_at', 'is', null)
    .orderBy('discover_at_ms')
    .orderBy('thread_id')
    .limit(limit)
    .execute();
  if (discover.length > 0) return discover.map((r) => ({ threadId: r.thread_id, kind: 'discover' }));
  if (checkedBefore === null) return [];
  const staleBefore = checkedBefore;
  const recent = await db
    .selectFrom('threads_seen')
    .select(['thread_id', 'last_checked_at', 'gone_at'])
    .where('connection_id', '=', connectionId)
    .orderBy('last_seen_at', 'desc')
    .orderBy('thread_id')
    .limit(20)
    .execute();
  return recent
    .filter((r) => r.gone_at === null && (r.last_checked_at === null || r.last_checked_at < staleBefore))
    .slice(0, limit)
    .map((r) => ({ threadId: r.thread_id, kind: 'read', background: true }));
}

/** Watched or registered: the watcher keeps looking for its new runs. */
/** Why the watcher reads a thread's newest runs on a timer: someone watches it, or the team's application registered it. */
export async function discoveryReason(db: Db, connectionId: string, threadId: string): Promise<'watched' | 'registered' | null> {
  const watch = await db.selectFrom('thread_watches').select('user_id').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).limit(1).executeTakeFirst();
  if (watch) return 'watched';
  const row = await db
    .selectFrom('threads_seen')
    .select(['source'])
    .where('connection_id', '=', connectionId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  return row?.source === 'registered' ? 'registered' : null;
}

export async function setWatch(db: Db, connectionId: string, threadId: string, userId: string, watching: boolean): Promise<number> {
  if (watching) {
    await db
      .insertInto('thread_watches')
      .values({ connection_id: connectionId, thread_id: threadId, user_id: userId, created_at_ms: Date.now() })
      .onConflict((oc) => oc.columns(['connection_id', 'thread_id', 'user_id']).doNothing())
      .execute();
    const exists = await db.selectFrom('threads_seen').select('thread_id').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).executeTakeFirst();
    if (!exists) {
      await recordThreadSeen(db, { connectionId, threadId });
    }
    // Its newest runs are read soon, then every few minutes while someone watches.
    await db
      .updateTable('threads_seen')
      .set((eb) => ({ discover_at_ms: eb.fn.coalesce('discover_at_ms', eb.val(0)) }))
      .where('connection_id', '=', connectionId)
      .where('thread_id', '=', threadId)
      .execute();
  } else {
    await db.deleteFrom('thread_watches').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).where('user_id', '=', userId).execute();
  }
  return countWatchers(db, connectionId, threadId);
}

export async function isWatching(db: Db, connectionId: string, threadId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('thread_watches').select('user_id').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).where('user_id', '=', userId).executeTakeFirst();
  return !!row;
}

export async function countWatchers(db: Db, connectionId: string, threadId: string): Promise<number> {
  const row = await db
    .selectFrom('thread_watches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .where('thread_id', '=', threadId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

