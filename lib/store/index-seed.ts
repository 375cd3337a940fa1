import 'server-only';
import { threadTerms } from './index-threads';
import type { Insertable } from 'kysely';
import type { IndexTermsTable, ThreadsSeenTable } from './schema';
import type { Db } from './threads-seen';

// Bulk-fills the thread index with synthetic threads (scripts/seed-index.ts, bench/index.ts): deterministic, so two
// runs and two engines hold the same rows. Customer refs are CUST-000001…, titles and metadata read like support
// tickets. Written in batches (one statement per batch), not through registration (one transaction per thread).

const WORDS = ['refund', 'invoice', 'login', 'shipping', 'password', 'upgrade', 'billing', 'export', 'webhook', 'timeout', 'parcel', 'discount', 'account', 'order', 'cancel', 'address'];
const STATUSES = ['completed', 'completed', 'completed', 'failed', 'expired', 'requires_action', 'in_progress', 'queued', 'cancelled', 'incomplete'];
const REGIONS = ['eu-west', 'us-east', 'ap-south', 'sa-east'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const seededCustomerRef = (i: number) => `CUST-${String(i + 1).padStart(6, '0')}`;

export async function seedIndex(db: Db, connectionId: string, count: number, opts: { batch?: number; now?: number; onProgress?: (done: number) => void } = {}): Promise<void> {
  const batch = opts.batch ?? 500;
  const now = opts.now ?? 1_790_000_000;
  const random = prng(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (let start = 0; start < count; start += batch) {
    const threads: Array<Insertable<ThreadsSeenTable>> = [];
    const terms: Array<Insertable<IndexTermsTable>> = [];
    for (let i = start; i < Math.min(count, start + batch); i += 1) {
      const threadId = `thread_seed${String(i).padStart(7, '0')}`;
      const customerRef = seededCustomerRef(i);
      const title = `${pick(WORDS)} ${pick(WORDS)} question from ${pick(REGIONS)}`;
      const metadata = { region: pick(REGIONS), order_id: `ORD-${Math.floor(random() * 1e7)}`, tier: pick(['free', 'pro', 'enterprise']) };
      const created = now - Math.floor(random() * 90 * 86_400);
      threads.push({
        connection_id: connectionId,
        thread_id: threadId,
        title,
        title_source: 'metadata',
        created_at: created,
        first_seen_at: created,
        last_seen_at: created + Math.floor(random() * 3600),
        last_run_id: `run_seed${String(i).padStart(7, '0')}`,
        last_run_status: pick(STATUSES),
        last_run_created_at: created + 60,
        customer_ref: customerRef,
        labels: JSON.stringify([pick(['vip', 'beta', 'churn-risk'])]),
        metadata: JSON.stringify(metadata),
        assistant_id: `asst_seed${Math.floor(random() * 5)}`,
        source: 'registered',
        registered_at: created,
        last_checked_at: created,
      });
      for (const t of threadTerms({ threadId, title, customerRef, metadata })) terms.push({ connection_id: connectionId, thread_id: threadId, term: t.term, kind: t.kind });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('threads_seen').values(threads).onConflict((oc) => oc.columns(['connection_id', 'thread_id']).doNothing()).execute();
      for (let j = 0; j < terms.length; j += 1000) {
        await trx.insertInto('index_terms').values(terms.slice(j, j + 1000)).onConflict((oc) => oc.doNothing()).execute();
      }
    });
    opts.onProgress?.(Math.min(count, start + batch));
  }
}
