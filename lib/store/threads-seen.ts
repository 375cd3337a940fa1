import 'server-only';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

// The record of threads and runs seen through this Runboard, per connection (ids from two upstreams never mix).
// Titles come from thread metadata (title/name/subject) or, failing that, the first user message; a metadata title
// always wins over a message snippet, and a snippet never overwrites anything. Times are unix seconds, like the API's.

export type Db = Kysely<Database>;
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

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one (a batch of sightings). */
function inTransaction(db: Db, fn: (trx: Db) => Promise<void>): Promise<void> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** The larger of two integer columns (SQLite's two-argument MAX and PostgreSQL's GREATEST differ; CASE is portable). */
const larger = (a: string, b: string) => sql<number>`CASE WHEN ${sql.ref(a)} > ${sql.ref(b)} THEN ${sql.ref(a)} ELSE ${sql.ref(b)} END`;
/** The incoming run is at least as new as the thread's recorded last run. */
// The same run answering again always wins (its status moved on, even when this answer does not carry created_at:
// a seed from the emulator's directory once left home saying "expired" for a run that was requires_action).
const incomingRunIsNewer = sql<boolean>`(threads_seen.last_run_created_at IS NULL OR excluded.last_run_id = threads_seen.last_run_id OR COALESCE(excluded.last_run_created_at, 0) >= threads_seen.last_run_created_at)`;

export type ThreadSighting = {
  connectionId: string;
  threadId: string;
  createdAt?: number | null;
  title?: { text: string; source: TitleSource } | null;
  /** Defaults to now; seeding passes an older time so real activity sorts first. */
  seenAt?: number;
};

export async function recordThreadSeen(db: Db, s: ThreadSighting): Promise<void> {
  const seenAt = s.seenAt ?? nowSeconds();
  const text = s.title?.text.replace(/\s+/g, ' ').trim().slice(0, 200) || null;
  const source = text ? (s.title?.source ?? null) : null;
  await inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('threads_seen')
      .select('title_source')
      .where('connection_id', '=', s.connectionId)
      .where('thread_id', '=', s.threadId)
      .executeTakeFirst();
    // A better source replaces the title; a snippet from a message never replaces an existing title.
    const current = existing?.title_source ? (TITLE_RANK[existing.title_source as TitleSource] ?? 0) : 0;
    const takeTitle = source !== null && (current === 0 || (source !== 'message' && TITLE_RANK[source] >= current));
    await trx
      .insertInto('threads_seen')
      .values({ connection_id: s.connectionId, thread_id: s.threadId, title: text, title_source: source, created_at: s.createdAt ?? null, first_seen_at: seenAt, last_seen_at: seenAt })
      .onConflict((oc) =>
        oc.columns(['connection_id', 'thread_id']).doUpdateSet((eb) => ({
          last_seen_at: larger('excluded.last_seen_at', 'threads_seen.last_seen_at'),
          // Seen again: the upstream has it (after a 404 it may have been restored, or the emulator reset).
          gone_at: null,
          created_at: eb.fn.coalesce('excluded.created_at', 'threads_seen.created_at'),
          ...(takeTitle ? { title: eb.ref('excluded.title'), title_source: eb.ref('excluded.title_source') } : {}),
        })),
      )
      .execute();
  });
}

export type RunSighting = { runId: string; threadId: string; status?: string | null; createdAt?: number | null };

/** Records runs (and their threads). The newest run per thread becomes the thread's "last run" shown on home. */
export async function recordRunsSeen(db: Db, connectionId: string, runs: readonly RunSighting[], seenAt = nowSeconds()): Promise<void> {
  if (runs.length === 0) return;
  // One row per id per statement: PostgreSQL refuses an upsert that touches the same row twice.
  const byId = new Map<string, RunSighting>();
  const newestPerThread = new Map<string, RunSighting>();
  for (const run of runs) {
    byId.set(run.runId, run);
    const prev = newestPerThread.get(run.threadId);
    if (!prev || (run.createdAt ?? 0) >= (prev.createdAt ?? 0)) newestPerThread.set(run.threadId, run);
  }
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('runs_seen')
      .values([...byId.values()].map((r) => ({ connection_id: connectionId, run_id: r.runId, thread_id: r.threadId, status: r.status ?? null, created_at: r.createdAt ?? null, seen_at: seenAt })))
      .onConflict((oc) =>
        oc.columns(['connection_id', 'run_id']).doUpdateSet((eb) => ({
          status: eb.fn.coalesce('excluded.status', 'runs_seen.status'),
          created_at: eb.fn.coalesce('excluded.created_at', 'runs_seen.created_at'),
          seen_at: eb.ref('excluded.seen_at'),
          thread_id: eb.ref('excluded.thread_id'),
        })),
      )
      .execute();
    await trx
      .insertInto('threads_seen')
      .values([...newestPerThread.values()].map((r) => ({
        connection_id: connectionId,
        thread_id: r.threadId,
        first_seen_at: seenAt,
        last_seen_at: seenAt,
        last_run_id: r.runId,
        last_run_status: r.status ?? null,
        last_run_created_at: r.createdAt ?? null,
      })))
      .onConflict((oc) =>
        oc.columns(['connection_id', 'thread_id']).doUpdateSet(() => ({
          last_seen_at: larger('excluded.last_seen_at', 'threads_seen.last_seen_at'),
          gone_at: null,
          last_run_id: sql<string>`CASE WHEN ${incomingRunIsNewer} THEN excluded.last_run_id ELSE threads_seen.last_run_id END`,
          last_run_status: sql<string>`CASE WHEN ${incomingRunIsNewer} THEN excluded.last_run_status ELSE threads_seen.last_run_status END`,
          last_run_created_at: sql<number>`CASE WHEN COALESCE(excluded.last_run_created_at, 0) > COALESCE(threads_seen.last_run_created_at, 0)
            THEN COALESCE(excluded.last_run_created_at, 0) ELSE COALESCE(threads_seen.last_run_created_at, 0) END`,
        })),
      )
      .execute();
  });
}

export async function listRecentThreads(db: Db, connectionId: string, limit = 20, offset = 0): Promise<ThreadSeen[]> {
  const rows = await db
    .selectFrom('threads_seen')
    .select(['thread_id', 'title', 'created_at', 'first_seen_at', 'last_seen_at', 'last_run_id', 'last_run_status', 'last_run_created_at'])
    .where('connection_id', '=', connectionId)
    // A thread the upstream answered 404 for stays in the index (marked gone) but is no longer offered on home.
    .where('gone_at', 'is', null)
    .orderBy('last_seen_at', 'desc')
    .orderBy(sql`COALESCE(NULLIF(last_run_created_at, 0), created_at, 0)`, 'desc')
    .orderBy('thread_id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    threadId: r.thread_id,
    title: r.title,
    createdAt: r.created_at,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    lastRun: r.last_run_id ? { id: r.last_run_id, status: r.last_run_status, createdAt: r.last_run_created_at || null } : null,
  }));
}

export async function countThreadsSeen(db: Db, connectionId: string): Promise<number> {
  const row = await db.selectFrom('threads_seen').select((eb) => eb.fn.countAll<number>().as('n')).where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findThreadForRun(db: Db, connectionId: string, runId: string): Promise<string | null> {
  const row = await db.selectFrom('runs_seen').select('thread_id').where('connection_id', '=', connectionId).where('run_id', '=', runId).executeTakeFirst();
  return row?.thread_id ?? null;
}

/** A thread the upstream says is gone (404) leaves the recent list, with its runs. */
export async function forgetThread(db: Db, connectionId: string, threadId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('threads_seen').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).execute();
    await trx.deleteFrom('runs_seen').where('connection_id', '=', connectionId).where('thread_id', '=', threadId).execute();
  });
}

export async function getMeta(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('store_meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('store_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))).execute();
}

export type RunSeen = { runId: string; threadId: string; status: string | null; createdAt: number | null; seenAt: number };
type RunRow = { run_id: string; thread_id: string; status: string | null; created_at: number | null; seen_at: number };
const toRunSeen = (r: RunRow): RunSeen => ({ runId: r.run_id, threadId: r.thread_id, status: r.status, createdAt: r.created_at, seenAt: r.seen_at });

/** Runs seen on one thread, newest first: what Runboard can show when the upstream cannot list runs. */
export async function listRunsSeenOnThread(db: Db, connectionId: string, threadId: string, limit = 20, offset = 0): Promise<RunSeen[]> {
  const rows = await db
    .selectFrom('runs_seen')
    .select(['run_id', 'thread_id', 'status', 'created_at', 'seen_at'])
    .where('connection_id', '=', connectionId)
    .where('thread_id', '=', threadId)
    .orderBy(sql`COALESCE(created_at, seen_at)`, 'desc')
    .orderBy('run_id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toRunSeen);
}

/** The most recently seen run of the connection (capability probes use it as a known-good object). */
export async function latestRunSeen(db: Db, connectionId: string): Promise<RunSeen | null> {
  const row = await db
    .selectFrom('runs_seen')
    .select(['run_id', 'thread_id', 'status', 'created_at', 'seen_at'])
    .where('connection_id', '=', connectionId)
    .orderBy('seen_at', 'desc')
    .orderBy('run_id')
    .limit(1)
    .executeTakeFirst();
  return row ? toRunSeen(row) : null;
}

/** A sample of thread and run ids seen on the connection (to tell which id styles the upstream issues). */
export async function sampleIdsSeen(db: Db, connectionId: string, limit = 200): Promise<string[]> {
  const threads = await db.selectFrom('threads_seen').select('thread_id as id').where('connection_id', '=', connectionId).orderBy('last_seen_at', 'desc').limit(limit).execute();
  const runs = await db.selectFrom('runs_seen').select('run_id as id').where('connection_id', '=', connectionId).orderBy('seen_at', 'desc').limit(limit).execute();
  return [...threads, ...runs].map((r) => r.id);
}
