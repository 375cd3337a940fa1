import { beforeAll, expect, it } from 'vitest';
import { searchThreads } from '@/lib/store/index-search';
import { seedIndex, seededCustomerRef } from '@/lib/store/index-seed';
import { forEachEngine } from '@/tests/support/engines';

// The index search over seeded threads (scripts/seed-index.ts's data), same answers on both engines: by customer
// reference, id prefix, title word, metadata value, status and assistant, newest activity first, cursor pages that
// neither skip nor repeat.

forEachEngine('thread index search', (getStore) => {
  beforeAll(async () => {
    await seedIndex(getStore().db, 'default', 3000);
  });

  it('finds a thread by its customer reference (any case), by id prefix and by a metadata value', async () => {
    const { db } = getStore();
    const ref = seededCustomerRef(1234);
    const byRef = await searchThreads(db, { connectionId: 'default', q: ref.toLowerCase(), limit: 25 });
    expect(byRef.rows.map((r) => [r.threadId, r.customerRef])).toEqual([['thread_seed0001234', ref]]);
    const byPrefix = await searchThreads(db, { connectionId: 'default', q: 'thread_seed000123', limit: 25 });
    expect(byPrefix.rows.map((r) => r.threadId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `thread_seed000123${i}`));
    const orderId = byRef.rows[0]!.metadata.order_id!;
    expect((await searchThreads(db, { connectionId: 'default', q: orderId, limit: 25 })).rows.map((r) => r.threadId)).toContain('thread_seed0001234');
  });

  it('filters by title word, status and assistant, and pages with a cursor without gaps or repeats', async () => {
    const { db } = getStore();
    const seen = new Set<string>();
    let cursor: { lastSeenAt: number; threadId: string } | null = null;
    let previous: number | null = null;
    for (let page = 0; page < 100; page += 1) {
      const { rows, hasMore } = await searchThreads(db, { connectionId: 'default', q: 'refund', status: 'failed', assistantId: 'asst_seed1', limit: 2, cursor });
      for (const r of rows) {
        expect(seen.has(r.threadId)).toBe(false);
        seen.add(r.threadId);
        expect(r.title?.toLowerCase()).toContain('refund');
        expect([r.latestRun?.status, r.assistantId]).toEqual(['failed', 'asst_seed1']);
        if (previous !== null) expect(r.lastSeenAt).toBeLessThanOrEqual(previous);
        previous = r.lastSeenAt;
      }
      if (!hasMore) break;
      const last = rows[rows.length - 1]!;
      cursor = { lastSeenAt: last.lastSeenAt, threadId: last.threadId };
    }
    const all = await db.selectFrom('threads_seen').select(['thread_id', 'title']).where('last_run_status', '=', 'failed').where('assistant_id', '=', 'asst_seed1').execute();
    expect(seen.size).toBe(all.filter((t) => /\brefund\b/i.test(t.title ?? '')).length);
    expect(seen.size).toBeGreaterThan(2);
  });
});
