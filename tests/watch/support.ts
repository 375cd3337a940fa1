import { getStore } from '@/lib/store/db';
import { getDefaultConnection } from '@/lib/server/connection';
import { loadStuckRules } from '@/lib/server/inbox/rules';
import { computeInbox } from '@/lib/server/inbox/compute';
import { Watcher } from '@/lib/watch/watcher';
import type { EmulatorHandle } from '../proxy/support/emulator';

// A watcher over the test's emulator and store, and helpers to read what it did (its requests carry req_rbw_ ids).

export async function newWatcher(budgetRps: number, pollCacheMs = 1000, baseIntervalMs = 300): Promise<Watcher> {
  const connection = await getDefaultConnection();
  return new Watcher({ connection, budgetRps, pollCacheMs, baseIntervalMs, db: async () => (await getStore()).db, rules: loadStuckRules });
}

export type Logged = { method: string; path: string; status: number; received_at: string; headers: Record<string, string> };
export const isWatcher = (r: { headers: Record<string, string> }) => (r.headers['x-client-request-id'] ?? '').startsWith('req_rbw_');

export async function watcherRequests(emulator: EmulatorHandle): Promise<Logged[]> {
  return ((await emulator.apiRequests()) as unknown as Logged[]).filter(isWatcher);
}

export async function inbox() {
  const { db } = await getStore();
  return computeInbox(db, (await getDefaultConnection()).id, await loadStuckRules(db));
}

/** Polls `check` (no fixed sleeps): resolves when it returns a value, fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
