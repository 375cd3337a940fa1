import 'server-only';
import { prepared, type Db } from './db';

// The record of threads and runs seen through this Runboard, per connection (ids from two upstreams never mix).
// Titles come from thread metadata (title/name/subject) or, failing that, the first user message; a metadata title
// always wins over a message snippet, and a snippet never overwrites anything.

export type TitleSource = 'metadata' | 'message' | 'emulator';
const TITLE_RANK: Record<TitleSource, number> = { message: 1, emulator: 2, metadata: 3 };

export type ThreadSeen = {
  threadId: string;
  title: string | null;
  createdAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  lastRun: { id: string; status: string | null; createdAt: number | null } | null;
};

type ThreadRow = {
  thread_id: string;
  title: string | null;
  created_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
  last_run_id: string | null;
  last_run_status: string | null;
  last_run_created_at: number | null;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

export type ThreadSighting = {
  connectionId: string;
  threadId: string;
  createdAt?: number | null;
  title?: { text: string; source: TitleSource } | null;
  /** Defaults to now; seeding passes an older time so real activity sorts first. */
  seenAt?: number;
};

export function recordThreadSeen(db: Db, s: ThreadSighting): void {
  const seenAt = s.seenAt ?? nowSeconds();
  const text = s.title?.text.replace(/\s+/g, ' ').trim().slice(0, 200) || null;
  const source = text ? (s.title?.source ?? null) : null;
  db.transaction(() => {
    const existing = prepared(db, 'SELECT title_source FROM threads_seen WHERE connection_id = ? AND thread_id = ?')
      .get(s.connectionId, s.threadId) as { title_source: TitleSource | null } | undefined;
    // A better source replaces the title; a snippet from a message never replaces an existing title.
    const current = existing?.title_source ? TITLE_RANK[existing.title_source] : 0;
    const takeTitle = source !== null && (current === 0 || (source !== 'message' && TITLE_RANK[source] >= current));
    prepared(db,
      `INSERT INTO threads_seen (connection_id, thread_id, title, title_source, created_at, first_seen_at, last_seen_at)
       VALUES (@c, @t, @title, @source, @created, @seen, @seen)
       ON CONFLICT (connection_id, thread_id) DO UPDATE SET
         last_seen_at = MAX(last_seen_at, excluded.last_seen_at),
         created_at = COALESCE(excluded.created_at, created_at),
         title = CASE WHEN @take THEN excluded.title ELSE title END,
         title_source = CASE WHEN @take THEN excluded.title_source ELSE title_source END`,
    ).run({ c: s.connectionId, t: s.threadId, title: text, source, created: s.createdAt ?? null, seen: seenAt, take: takeTitle ? 1 : 0 });
  })();
}

export type RunSighting = { runId: string; threadId: string; status?: string | null; createdAt?: number | null };

/** Records runs (and their threads). The newest run per thread becomes the thread's "last run" shown on home. */
export function recordRunsSeen(db: Db, connectionId: string, runs: readonly RunSighting[], seenAt = nowSeconds()): void {
  if (runs.length === 0) return;
  const upsertRun = prepared(db,
    `INSERT INTO runs_seen (connection_id, run_id, thread_id, status, created_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (connection_id, run_id) DO UPDATE SET status = COALESCE(excluded.status, status),
       created_at = COALESCE(excluded.created_at, created_at), seen_at = excluded.seen_at, thread_id = excluded.thread_id`,
  );
  const touchThread = prepared(db,
    `INSERT INTO threads_seen (connection_id, thread_id, first_seen_at, last_seen_at, last_run_id, last_run_status, last_run_created_at)
     VALUES (@c, @t, @seen, @seen, @run, @status, @created)
     ON CONFLICT (connection_id, thread_id) DO UPDATE SET
       last_seen_at = MAX(last_seen_at, excluded.last_seen_at),
       last_run_id = CASE WHEN last_run_created_at IS NULL OR COALESCE(excluded.last_run_created_at, 0) >= last_run_created_at
                     THEN excluded.last_run_id ELSE last_run_id END,
       last_run_status = CASE WHEN last_run_created_at IS NULL OR COALESCE(excluded.last_run_created_at, 0) >= last_run_created_at
                     THEN excluded.last_run_status ELSE last_run_status END,
       last_run_created_at = MAX(COALESCE(last_run_created_at, 0), COALESCE(excluded.last_run_created_at, 0))`,
  );
  db.transaction(() => {
    const newestPerThread = new Map<string, RunSighting>();
    for (const run of runs) {
      upsertRun.run(connectionId, run.runId, run.threadId, run.status ?? null, run.createdAt ?? null, seenAt);
      const prev = newestPerThread.get(run.threadId);
      if (!prev || (run.createdAt ?? 0) >= (prev.createdAt ?? 0)) newestPerThread.set(run.threadId, run);
    }
    for (const run of newestPerThread.values()) {
      touchThread.run({ c: connectionId, t: run.threadId, seen: seenAt, run: run.runId, status: run.status ?? null, created: run.createdAt ?? null });
    }
  })();
}

export function listRecentThreads(db: Db, connectionId: string, limit = 20, offset = 0): ThreadSeen[] {
  const rows = prepared(db,
      `SELECT thread_id, title, created_at, first_seen_at, last_seen_at, last_run_id, last_run_status, last_run_created_at
       FROM threads_seen WHERE connection_id = ? ORDER BY last_seen_at DESC, COALESCE(NULLIF(last_run_created_at, 0), created_at, 0) DESC, thread_id
       LIMIT ? OFFSET ?`,
    )
    .all(connectionId, limit, offset) as ThreadRow[];
  return rows.map((r) => ({
    threadId: r.thread_id,
    title: r.title,
    createdAt: r.created_at,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    lastRun: r.last_run_id ? { id: r.last_run_id, status: r.last_run_status, createdAt: r.last_run_created_at || null } : null,
  }));
}

export function countThreadsSeen(db: Db, connectionId: string): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM threads_seen WHERE connection_id = ?').get(connectionId) as { n: number }).n;
}

export function findThreadForRun(db: Db, connectionId: string, runId: string): string | null {
  const row = prepared(db, 'SELECT thread_id FROM runs_seen WHERE connection_id = ? AND run_id = ?').get(connectionId, runId) as { thread_id: string } | undefined;
  return row?.thread_id ?? null;
}

/** A thread the upstream says is gone (404) leaves the recent list, with its runs. */
export function forgetThread(db: Db, connectionId: string, threadId: string): void {
  db.transaction(() => {
    prepared(db, 'DELETE FROM threads_seen WHERE connection_id = ? AND thread_id = ?').run(connectionId, threadId);
    prepared(db, 'DELETE FROM runs_seen WHERE connection_id = ? AND thread_id = ?').run(connectionId, threadId);
  })();
}

export function getMeta(db: Db, key: string): string | null {
  return (prepared(db, 'SELECT value FROM store_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export type RunSeen = { runId: string; threadId: string; status: string | null; createdAt: number | null; seenAt: number };
type RunRow = { run_id: string; thread_id: string; status: string | null; created_at: number | null; seen_at: number };
const toRunSeen = (r: RunRow): RunSeen => ({ runId: r.run_id, threadId: r.thread_id, status: r.status, createdAt: r.created_at, seenAt: r.seen_at });

/** Runs seen on one thread, newest first: what Runboard can show when the upstream cannot list runs. */
export function listRunsSeenOnThread(db: Db, connectionId: string, threadId: string, limit = 20, offset = 0): RunSeen[] {
  const rows = prepared(db,
    `SELECT run_id, thread_id, status, created_at, seen_at FROM runs_seen WHERE connection_id = ? AND thread_id = ?
     ORDER BY COALESCE(created_at, seen_at) DESC, run_id LIMIT ? OFFSET ?`,
  ).all(connectionId, threadId, limit, offset) as RunRow[];
  return rows.map(toRunSeen);
}

/** The most recently seen run of the connection (capability probes use it as a known-good object). */
export function latestRunSeen(db: Db, connectionId: string): RunSeen | null {
  const row = prepared(db, 'SELECT run_id, thread_id, status, created_at, seen_at FROM runs_seen WHERE connection_id = ? ORDER BY seen_at DESC, run_id LIMIT 1')
    .get(connectionId) as RunRow | undefined;
  return row ? toRunSeen(row) : null;
}

/** A sample of thread and run ids seen on the connection (to tell which id styles the upstream issues). */
export function sampleIdsSeen(db: Db, connectionId: string, limit = 200): string[] {
  const threads = prepared(db, 'SELECT thread_id AS id FROM threads_seen WHERE connection_id = ? ORDER BY last_seen_at DESC LIMIT ?').all(connectionId, limit) as Array<{ id: string }>;
  const runs = prepared(db, 'SELECT run_id AS id FROM runs_seen WHERE connection_id = ? ORDER BY seen_at DESC LIMIT ?').all(connectionId, limit) as Array<{ id: string }>;
  return [...threads, ...runs].map((r) => r.id);
}
