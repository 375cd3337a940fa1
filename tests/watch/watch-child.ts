// A watcher in its own process, for the restart test: it runs until killed (SIGKILL: no graceful stop).
// Run with tsx --conditions=react-server; the store and upstream come from the environment.
import { getStore } from '@/lib/store/db';
import { getDefaultConnection } from '@/lib/server/connection';
import { loadStuckRules } from '@/lib/server/inbox/rules';
import { Watcher } from '@/lib/watch/watcher';

async function main(): Promise<void> {
  const connection = await getDefaultConnection();
  const watcher = new Watcher({
  connection,
  budgetRps: Number(process.env.WATCH_CHILD_RPS ?? '2'),
  pollCacheMs: 0,
  db: async () => (await getStore()).db,
  rules: loadStuckRules,
  });
  await watcher.start();
  process.stdout.write('watching\n');
  // Never outlive the test that started it.
  const parent = Number(process.env.WATCH_CHILD_PARENT);
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 500);
}

void main();
