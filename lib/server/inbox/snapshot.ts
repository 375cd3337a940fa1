import 'server-only';
import { getStore } from '@/lib/store/db';
import { eventBus } from '@/lib/watch/events';
import { getDefaultConnection } from '../connection';
import { flushObservedAnswers } from '../observe';
import { computeInbox, countsOf, type InboxItem } from './compute';
import { loadStuckRules } from './rules';

// The inbox as of now, computed once per bus version and second however many tabs ask (the SSE streams' counts,
// the header's count, the list), so a thousand open tabs cost one computation per change.

type Snapshot = { key: string; connectionId: string; items: InboxItem[]; generatedAt: number };
const holder = globalThis as typeof globalThis & { runboardInboxSnapshot?: Promise<Snapshot> & { key?: string } };

export async function inboxSnapshot(): Promise<Snapshot> {
  const connection = await getDefaultConnection();
  const key = `${connection.id}|${eventBus().version}|${Math.floor(Date.now() / 1000)}`;
  const current = holder.runboardInboxSnapshot;
  if (current && current.key === key) return current;
  const next = (async () => {
    await flushObservedAnswers();
    const { db } = await getStore();
    const rules = await loadStuckRules(db);
    const items = await computeInbox(db, connection.id, rules);
    return { key, connectionId: connection.id, items, generatedAt: Math.floor(Date.now() / 1000) };
  })() as Promise<Snapshot> & { key?: string };
  next.key = key;
  holder.runboardInboxSnapshot = next;
  next.catch(() => {
    if (holder.runboardInboxSnapshot === next) holder.runboardInboxSnapshot = undefined;
  });
  return next;
}

export async function inboxCounts(): Promise<{ stuck: number; unclaimed: number }> {
  return countsOf((await inboxSnapshot()).items);
}
