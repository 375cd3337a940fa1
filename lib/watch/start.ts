import 'server-only';
import { InboxAnnouncer } from '@/lib/server/inbox/announcer';
import { loadStuckRules } from '@/lib/server/inbox/rules';
import { getServerEnv } from '@/lib/server/env';
import { log } from '@/lib/server/log';
import { getStore } from '@/lib/store/db';
import type { Connection } from '@/lib/upstream/connection';
import { eventBus } from './events';
import { Watcher } from './watcher';

// Starts the process's watcher (one per server process, on globalThis so Next's separate route bundles and dev
// reloads never start a second) unless RUNBOARD_WATCH=off. Called from the server's boot (instrumentation.ts).

type Running = { watcher: Watcher; announcer: InboxAnnouncer };
const holder = globalThis as typeof globalThis & { runboardWatcher?: Running };

export async function startWatcher(connection: Connection): Promise<Watcher | null> {
  const env = getServerEnv();
  if (env.RUNBOARD_WATCH === 'off') return null;
  if (holder.runboardWatcher) return holder.runboardWatcher.watcher;
  const announcer = new InboxAnnouncer(connection.id);
  const watcher = new Watcher({
    connection,
    budgetRps: env.RUNBOARD_WATCH_BUDGET_RPS,
    pollCacheMs: env.RUNBOARD_POLL_CACHE_MS,
    db: async () => (await getStore()).db,
    rules: loadStuckRules,
    onInboxMaybeChanged: (changed) => announcer.poke(changed),
    log: (level, event, fields) => log(level, event, fields),
  });
  holder.runboardWatcher = { watcher, announcer };
  eventBus().hintHandler = (changed) => announcer.poke(changed);
  announcer.start();
  await watcher.start();
  return watcher;
}
