import 'server-only';
import type { Db } from './threads-seen';

// Search over the thread index, newest activity first, cursor-paginated (last_seen_at, thread_id). `q` is matched as
// a prefix of the thread's terms (id, title words, customer reference, metadata values), lowercased, through the
// index_terms primary key; the other filters use threads_seen's indexes.

export type ThreadSearch = {
  connectionId: string;
  q?: string | null;
  status?: string | null;
  assistantId?: string | null;
  createdAfter?: number | null;
  createdBefore?: number | null;
  watchedBy?: string | null;
  viewerId?: string | null;
  limit: number;
  cursor?: { lastSeenAt: number; threadId: string } | null;
};

export type IndexedThreadRow = {
  threadId: string;
  title: string | null;
  customerRef: string | null;
  labels: string[];
  metadata: Record<string, string>;
  assistantId: string | null;
  latestRun: { id: string; status: string | null; createdAt: number | null } | null;
  createdAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  lastCheckedAt: number | null;
  goneAt: number | null;
  source: 'seen' | 'registered';
  watchedByMe: boolean;
  watchers: number;
};

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export async function searchThreads(db: Db, s: ThreadSearch): Promise<{ rows: IndexedThreadRow[]; hasMore: boolean }> {
  let query = db
    .selectFrom('threads_seen as t')
    .select([
      't.thread_id',
      't.title',
      't.customer_ref',
      't.labels',
      't.metadata',
      't.assistant_id',
      't.last_run_id',
      't.last_run_status',
      't.last_run_created_at',
      't.created_at',
      't.first_seen_at',
      't.last_seen_at',
      't.last_checked_at',
      't.gone_at',
      't.source',
    ])
    .where('t.connection_id', '=', s.connectionId);
  const q = s.q?.trim().toLowerCase().slice(0, 200);
  if (q) {
    query = query.where('t.thread_id', 'in', (eb) =>
      eb
        .selectFrom('index_terms as i')
        .select('i.thread_id')
        .where('i.connection_id', '=', s.connectionId)
        .where('i.term', '>=', q)
        .where('i.term', '<', `${q}\uffff`),
    );
  }
  if (s.status) query = query.where('t.last_run_status', '=', s.status);
  if (s.assistantId) query = query.where('t.assistant_id', '=', s.assistantId);
  if (s.createdAfter != null) query = query.where((eb) => eb(eb.fn.coalesce('t.last_run_created_at', 't.created_at'), '>=', s.createdAfter!));
  if (s.createdBefore != null) query = query.where((eb) => eb(eb.fn.coalesce('t.last_run_created_at', 't.created_at'), '<', s.createdBefore!));
  if (s.watchedBy) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('thread_watches as w')
          .select('w.user_id')
          .whereRef('w.connection_id', '=', 't.connection_id')
          .whereRef('w.thread_id', '=', 't.thread_id')
          .where('w.user_id', '=', s.watchedBy!),
      ),
    );
  }
  if (s.cursor) {
    const { lastSeenAt, threadId } = s.cursor;
    query = query.where((eb) => eb.or([eb('t.last_seen_at', '<', lastSeenAt), eb.and([eb('t.last_seen_at', '=', lastSeenAt), eb('t.thread_id', '>', threadId)])]));
  }
  const rows = await query.orderBy('t.last_seen_at', 'desc').orderBy('t.thread_id').limit(s.limit + 1).execute();
  const page = rows.slice(0, s.limit);
  const ids = page.map((r) => r.thread_id);
  const watchers = new Map<string, number>();
  const mine = new Set<string>();
  if (ids.length > 0) {
    const watchRows = await db
      .selectFrom('thread_watches')
      .select(['thread_id', 'user_id'])
      .where('connection_id', '=', s.connectionId)
      .where('thread_id', 'in', ids)
      .execute();
    for (const w of watchRows) {
      watchers.set(w.thread_id, (watchers.get(w.thread_id) ?? 0) + 1);
      if (s.viewerId && w.user_id === s.viewerId) mine.add(w.thread_id);
    }
  }
  return {
    hasMore: rows.length > s.limit,
    rows: page.map((r) => ({
      threadId: r.thread_id,
      title: r.title,
      customerRef: r.customer_ref,
      labels: parseJson<string[]>(r.labels, []),
      metadata: parseJson<Record<string, string>>(r.metadata, {}),
      assistantId: r.assistant_id,
      latestRun: r.last_run_id ? { id: r.last_run_id, status: r.last_run_status, createdAt: r.last_run_created_at || null } : null,
      createdAt: r.created_at,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: r.last_seen_at,
      lastCheckedAt: r.last_checked_at,
      goneAt: r.gone_at,
      source: r.source === 'registered' ? 'registered' : 'seen',
      watchedByMe: mine.has(r.thread_id),
      watchers: watchers.get(r.thread_id) ?? 0,
    })),
  };
}
