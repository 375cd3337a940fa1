import 'server-only';
import { ConfigError } from '@/lib/upstream/config';
import { describeStore, getStore, storeOptionsFromEnv } from '@/lib/store/db';
import { connectionHost } from '@/lib/upstream/connection';
import { parseAuthEnv } from '@/lib/auth/env';
import { announceFirstStart } from '@/lib/auth/first-start';
import { getDefaultConnection } from './connection';
import { getServerEnv } from './env';

// Start-up of the server side (called from instrumentation.ts): validate the configuration, open the database and
// apply its migrations, start the embedded emulator when no upstream is configured, print where things are,
// and prepare the first admin (or print its one-time setup link). Failing here stops the server with a clear
// message instead of letting every request fail later.

export async function bootEmbeddedUpstream(): Promise<void> {
  try {
    getServerEnv(); // every bad variable at once, before anything starts
    parseAuthEnv();
    const database = describeStore(storeOptionsFromEnv());
    await getStore().catch((error: unknown) => {
      throw new Error(`the database (${database}) cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
    });
    const connection = await getDefaultConnection();
    const where = connection.mode === 'emulator' ? `embedded emulator at ${connection.baseUrl}` : `upstream ${connectionHost(connection)}`;
    const app = process.env.PORT ? ` on port ${process.env.PORT}` : '';
    console.log(`[runboard] dashboard${app} → /api/v1 proxies to the ${where} (auth: ${connection.authStyle}, key not shown); database: ${database}`);
    await announceFirstStart();
    // The watcher keeps the index's active runs fresh (RUNBOARD_WATCH=off leaves it stopped).
    const { startWatcher } = await import('@/lib/watch/start');
    await startWatcher(connection);
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(`[runboard] cannot start: ${message}`);
    // A server without a working upstream or database would only answer errors; stop so the problem is seen at once.
    process.exit(1);
  }
}
