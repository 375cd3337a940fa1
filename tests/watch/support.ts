import { getStore } from '@/lib/store/db';
import { getDefaultConnection } from '@/lib/server/connection';
import { loadStuckRules } from '@/lib/server/inbox/rules';
import { computeInbox } from '@/lib/server/inbox/compute';
import { Watcher } from '@/lib/watch/watcher';
import { createTestDatabase, pointStoreAt, type Engine } from '@/tests/support/engines';
import type { Store } from '@/lib/store/db';
import { restoreEnv, setEnv } from '../proxy/support/harness';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { emulatorHandle, startTestEmulator, type EmulatorHandle } from '../proxy/support/emulator';

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

/** Kills a child spawned `detached` with everything it started (tsx runs the script in a child of its own). */
export function groupKiller(child: ChildProcess): () => void {
  return () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The emulator in a process of its own (frozen clock): its request log then stamps arrivals when they arrive, not
 * when this process's event loop (busy with the watcher's synchronous SQLite work) gets round to them.
 */
export async function startEmulatorProcess(): Promise<EmulatorHandle> {
  const port = await freePort();
  const apiKey = `sk-emu-proc-${Math.random().toString(36).slice(2)}xyz`;
  const child = spawn('node_modules/.bin/tsx', ['lib/emulator/main.ts'], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_API_KEY: apiKey, EMULATOR_SPEED: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const kill = groupKiller(child);
  process.once('exit', kill);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`emulator process exited ${code}: ${stderr}`)));
  });
  return emulatorHandle(`http://127.0.0.1:${port}/v1`, apiKey, async () => {
    const exited = new Promise((r) => child.once('exit', r));
    kill();
    await exited;
  });
}

/** A frozen-clock emulator (in this process, or its own) and the id of its seeded "Triage Bot" assistant. */
export async function startWatchEmulator(ownProcess = false): Promise<{ emulator: EmulatorHandle; assistant: string }> {
  const emulator = ownProcess ? await startEmulatorProcess() : await startTestEmulator();
  const assistants = await emulator.call<{ data: Array<{ id: string; name: string }> }>('GET', '/assistants?limit=100');
  return { emulator, assistant: assistants.data.find((a) => a.name === 'Triage Bot')!.id };
}

/** Runs `fn` on a fresh, migrated store of `engine` pointed at the emulator, undone afterwards. */
export async function withFreshStore<T>(engine: Engine, emulator: EmulatorHandle, fn: (store: Store) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(engine);
  const { store, restore } = await pointStoreAt(database.options);
  setEnv({ OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off' });
  try {
    return await fn(store);
  } finally {
    restoreEnv();
    await restore();
    await database.drop();
  }
}
