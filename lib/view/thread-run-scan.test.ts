import { describe, expect, it } from 'vitest';
import { scanRuns, type ScanQuery } from './thread-run-scan';

type R = { id: string; status: string; created_at: number };

/** 300 runs, newest = r299; every 7th is failed. Implements the API's desc paging (before = nearest items). */
function fakeThread(count = 300) {
  const asc: R[] = Array.from({ length: count }, (_, i) => ({ id: `r${i}`, status: i % 7 === 0 ? 'failed' : 'completed', created_at: 1000 + i }));
  const desc = asc.toReversed();
  const calls: ScanQuery[] = [];
  const fetchPage = async (q: ScanQuery) => {
    calls.push(q);
    let window = desc;
    if (q.after) window = desc.slice(desc.findIndex((r) => r.id === q.after) + 1);
    if (q.before) {
      const newer = desc.slice(0, desc.findIndex((r) => r.id === q.before));
      const data = newer.slice(Math.max(0, newer.length - q.limit));
      return { data, has_more: newer.length > data.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
    }
    const data = window.slice(0, q.limit);
    return { data, has_more: window.length > data.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
  };
  return { fetchPage, calls, desc };
}

const failed = (r: R) => r.status === 'failed';

describe('scanRuns without a filter (plain upstream paging)', () => {
  it('first page: one request, no newer page, older cursor = last row', async () => {
    const t = fakeThread();
    const res = await scanRuns({ fetchPage: t.fetchPage, cursor: {}, pageSize: 25, matches: null });
    expect(res.rows.map((r) => r.id).slice(0, 2)).toEqual(['r299', 'r298']);
    expect(res.rows).toHaveLength(25);
    expect(t.calls).toEqual([{ limit: 25, order: 'desc' }]);
    expect(res.newerCursor).toBeNull();
    expect(res.olderCursor).toBe('r275');
  });

  it('walks forward to the end and back again without gaps or repeats', async () => {
    const t = fakeThread(60);
    const seen: string[] = [];
    let cursor: { after?: string; before?: string } = {};
    for (;;) {
      const res = await scanRuns({ fetchPage: t.fetchPage, cursor, pageSize: 25, matches: null });
      seen.push(...res.rows.map((r) => r.id));
      if (!res.olderCursor) break;
      cursor = { after: res.olderCursor };
    }
    expect(seen).toEqual(t.desc.map((r) => r.id));
    // Last page (10 rows): newer cursor points back; following it gives the 25 rows just before.
    const last = await scanRuns({ fetchPage: t.fetchPage, cursor, pageSize: 25, matches: null });
    expect(last.rows).toHaveLength(10);
    expect(last.olderCursor).toBeNull();
    const back = await scanRuns({ fetchPage: t.fetchPage, cursor: { before: last.newerCursor! }, pageSize: 25, matches: null });
    expect(back.rows.map((r) => r.id)).toEqual(t.desc.slice(25, 50).map((r) => r.id));
    expect(back.olderCursor).toBe('r10');
    expect(back.newerCursor).toBe('r34');
  });

  it('stepping back to the newest page reports no newer page', async () => {
    const t = fakeThread(60);
    const res = await scanRuns({ fetchPage: t.fetchPage, cursor: { before: 'r34' }, pageSize: 25, matches: null });
    expect(res.rows.map((r) => r.id)).toEqual(t.desc.slice(0, 25).map((r) => r.id));
    expect(res.newerCursor).toBeNull();
  });
});

describe('scanRuns with a status filter', () => {
  it('pages through the upstream in 100s until the filtered page is full', async () => {
    const t = fakeThread(300);
    const res = await scanRuns({ fetchPage: t.fetchPage, cursor: {}, pageSize: 20, matches: failed });
    expect(res.rows).toHaveLength(20);
    expect(res.rows.every(failed)).toBe(true);
    expect(t.calls.map((c) => c.limit)).toEqual([100, 100]);
    expect(res.olderCursor).toBe(res.rows.at(-1)!.id);
    expect(res.budgetSpent).toBe(false);
  });

  it('visits every matching run exactly once across pages, forward then backward', async () => {
    const t = fakeThread(300);
    const all = t.desc.filter(failed).map((r) => r.id);
    const pages: string[][] = [];
    let cursor: { after?: string; before?: string } = {};
    let res;
    for (;;) {
      res = await scanRuns({ fetchPage: t.fetchPage, cursor, pageSize: 20, matches: failed });
      pages.push(res.rows.map((r) => r.id));
      if (!res.olderCursor) break;
      cursor = { after: res.olderCursor };
    }
    expect(pages.flat()).toEqual(all);
    const back = await scanRuns({ fetchPage: t.fetchPage, cursor: { before: res.newerCursor! }, pageSize: 20, matches: failed });
    expect(back.rows.map((r) => r.id)).toEqual(pages.at(-2));
  });

  it('stops at the scan budget and says so, with a cursor to continue', async () => {
    const t = fakeThread(300);
    const none = () => false;
    const res = await scanRuns({ fetchPage: t.fetchPage, cursor: {}, pageSize: 20, matches: none, budget: 200 });
    expect(res.rows).toEqual([]);
    expect(res.scanned).toBe(200);
    expect(res.budgetSpent).toBe(true);
    expect(res.olderCursor).toBe('r100');
    expect(res.scannedRange).toEqual({ newest: 1299, oldest: 1100 });
  });

  it('an empty thread gives an empty page with no cursors', async () => {
    const t = fakeThread(0);
    const res = await scanRuns({ fetchPage: t.fetchPage, cursor: {}, pageSize: 20, matches: failed });
    expect(res).toMatchObject({ rows: [], scanned: 0, newerCursor: null, olderCursor: null, budgetSpent: false });
  });
});

describe('a filtered page never leads to an empty one (issue 9 defect 8)', () => {
  it('"Older" is offered only when another match exists: the last full page of matches has no Older', async () => {
    // 300 runs, 43 failed (every 7th). Pages of 10: 10, 10, 10, 10, then 3 — and no sixth, empty page.
    const t = fakeThread();
    const seen: string[] = [];
    let cursor: { after?: string } = {};
    let pages = 0;
    for (;;) {
      const res = await scanRuns({ fetchPage: t.fetchPage, cursor, pageSize: 10, matches: failed, budget: 10_000 });
      pages += 1;
      expect(res.rows.length, `page ${pages}`).toBeGreaterThan(0);
      seen.push(...res.rows.map((r) => r.id));
      if (!res.olderCursor) break;
      cursor = { after: res.olderCursor };
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(43);
  });

  it('matches that end exactly at a page boundary with non-matching runs after them: no Older', async () => {
    const t = fakeThread(300);
    // The 10 newest failed runs: r294 … r231; cut the thread's failed runs to those by matching only ids ≥ r231.
    const onlyNewest = (r: R) => failed(r) && Number(r.id.slice(1)) >= 231;
    const res = await scanRuns({ fetchPage: t.fetchPage, cursor: {}, pageSize: 10, matches: onlyNewest, budget: 10_000 });
    expect(res.rows).toHaveLength(10);
    expect(res.olderCursor).toBeNull();
    expect(res.budgetSpent).toBe(false);
  });
});
