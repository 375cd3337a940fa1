// Paging a thread's runs with an optional status filter. The API lists runs newest first with after/before cursors
// and has NO status filter (assistants-api.md §1.4). Decision: when a filter is on, we page through the upstream in
// pages of 100 until the filtered page is full (or a scan budget is spent), so a "failed" view shows 25 failed runs
// per page even on a thread of thousands; the UI says how many runs were scanned. Cursors for the next/previous
// filtered page are the last item we looked at, so nothing is skipped and nothing is shown twice.
// Without a filter this degenerates to plain upstream paging (one request, limit = page size).

export type ScanItem = { id: string; status: string };
export type ScanPage<T> = { data: T[]; has_more: boolean; first_id?: string | null; last_id?: string | null };
export type ScanQuery = { limit: number; order: 'desc'; after?: string; before?: string };
export type FetchRunPage<T> = (query: ScanQuery) => Promise<ScanPage<T>>;
export type ScanCursor = { after?: string; before?: string };

export type ScanResult<T> = {
  rows: T[];
  /** Runs examined (matching or not). */
  scanned: number;
  /** Upstream requests made. */
  requests: number;
  /** `before` cursor for the newer page, null when this page starts at the newest run. */
  newerCursor: string | null;
  /** `after` cursor for the older page, null when there is nothing older. */
  olderCursor: string | null;
  /** The scan budget ran out before the page was full (more may match further on). */
  budgetSpent: boolean;
  /** created_at range examined, for "scanned runs from … to …". */
  scannedRange: { newest: number; oldest: number } | null;
};

export type ScanOptions<T> = {
  fetchPage: FetchRunPage<T>;
  cursor: ScanCursor;
  pageSize: number;
  matches: ((item: T) => boolean) | null;
  /** Max runs examined per filtered page (default 1000 = 10 upstream requests). */
  budget?: number;
  /** Upstream page size while filtering (default 100, the API's maximum). */
  fetchLimit?: number;
};

export async function scanRuns<T extends ScanItem & { created_at?: number }>(opts: ScanOptions<T>): Promise<ScanResult<T>> {
  const filtered = opts.matches !== null;
  const matches = opts.matches ?? (() => true);
  const fetchLimit = filtered ? (opts.fetchLimit ?? 100) : opts.pageSize;
  const budget = filtered ? Math.max(opts.budget ?? 1000, fetchLimit) : opts.pageSize;
  const backward = opts.cursor.before !== undefined && opts.cursor.after === undefined;

  // A filtered page looks one match further than it shows: only then does "Older" (or "Newer") know that another
  // match exists, instead of leading to an empty page when the rest of the thread has none.
  const want = filtered ? opts.pageSize + 1 : opts.pageSize;
  const rows: T[] = [];
  let scanned = 0;
  let requests = 0;
  let newestSeen: T | undefined;
  let oldestSeen: T | undefined;
  let exhausted = false;
  let full = false;
  let cursor = backward ? opts.cursor.before : opts.cursor.after;

  const see = (item: T) => {
    scanned += 1;
    if (backward) {
      oldestSeen ??= item;
      newestSeen = item;
    } else {
      newestSeen ??= item;
      oldestSeen = item;
    }
  };

  for (;;) {
    if (full || scanned >= budget) break;
    const page = await opts.fetchPage({ limit: fetchLimit, order: 'desc', ...(cursor ? (backward ? { before: cursor } : { after: cursor }) : {}) });
    requests += 1;
    // Backward pages come newest-first too, but the items nearest the cursor are at the end: walk them from there.
    const items = backward ? page.data.toReversed() : page.data;
    let index = 0;
    for (; index < items.length; index++) {
      const item = items[index] as T;
      see(item);
      if (matches(item)) {
        if (backward) rows.unshift(item);
        else rows.push(item);
        if (rows.length >= want) {
          full = true;
          break;
        }
      }
    }
    const consumedAll = index >= items.length - 1;
    if (!page.has_more && consumedAll) {
      exhausted = true;
      break;
    }
    if (!page.has_more || items.length === 0) {
      exhausted = !full;
      break;
    }
    const last = items[items.length - 1];
    cursor = last?.id;
  }

  // The extra match proves there is more ahead; it is shown on the next page, which starts after the last row shown.
  const peeked = rows.length > opts.pageSize;
  if (peeked) {
    if (backward) rows.shift();
    else rows.pop();
  }
  const lastShown = backward ? rows[0] : rows[rows.length - 1];
  const budgetSpent = filtered && !peeked && !exhausted;
  // Toward the direction of travel, more exists unless we exhausted the list (or, filtered, found no further match);
  // the other direction exists iff we started from a cursor.
  const aheadCursor = peeked ? (lastShown?.id ?? null) : exhausted ? null : (backward ? newestSeen : oldestSeen)?.id ?? null;
  const behindCursor = backward ? (oldestSeen?.id ?? null) : opts.cursor.after !== undefined ? (newestSeen?.id ?? null) : null;
  const newerCursor = backward ? aheadCursor : behindCursor;
  const olderCursor = backward ? (opts.cursor.before !== undefined ? (behindCursor ?? opts.cursor.before) : null) : aheadCursor;

  const stamp = (item: T | undefined) => (typeof item?.created_at === 'number' ? item.created_at : null);
  const newestStamp = stamp(newestSeen);
  const oldestStamp = stamp(oldestSeen);
  return {
    rows,
    scanned,
    requests,
    newerCursor,
    olderCursor,
    budgetSpent,
    scannedRange: newestStamp !== null && oldestStamp !== null ? { newest: newestStamp, oldest: oldestStamp } : null,
  };
}
