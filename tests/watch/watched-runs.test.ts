import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { applyRunObjects } from '@/lib/store/index-runs';
import { registerThreads } from '@/lib/store/index-threads';
import { eventBus, type WatcherState } from '@/lib/watch/events';
import { upstreamNow } from '@/lib/watch/upstream-clock';
import type { Watcher } from '@/lib/watch/watcher';
import { forEachEngine } from '@/tests/support/engines';
import { restoreEnv, setEnv } from '../proxy/support/harness';
import type { EmulatorHandle } from '../proxy/support/emulator';
import { eventually, newWatcher, startWatchEmulator } from './support';

// "N runs watched" on /inbox (the inbox answer and each tab's stream) is the number of active runs the watcher keeps
// fresh: right from its start (a restart over a full index), pushed to open tabs as it finds more, and the same on
// an instance standing by while another one watches.

let emulator: EmulatorHandle;
let assistant: string;
const watchers: Watcher[] = [];

beforeAll(async () => {
  ({ emulator, assistant } = await startWatchEmulator());
});
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});
afterEach(async () => {
  for (const w of watchers.splice(0)) await w.stop();
});

const start = async (budgetRps: number) => {
  const w = await newWatcher(budgetRps);
  watchers.push(w);
  await w.start();
  return w;
};
const newQueuedRun = (title: string) =>
  emulator.call<Record<string, unknown> & { id: string; thread_id: string }>('POST', '/threads/runs', {
    assistant_id: assistant,
    thread: { metadata: { title }, messages: [{ role: 'user', content: title }] },
    metadata: { scenario: 'stuck_queued' },
  });

forEachEngine('watched runs count', (getStore) => {
  beforeAll(() => {
    setEnv({ OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off', RUNBOARD_UPSTREAM_RETRIES: '0' });
  });

  it('is the indexed active runs from the start, and open tabs are told when the watcher finds more', async () => {
    const { db } = getStore();
    const known = [await newQueuedRun('Known 1'), await newQueuedRun('Known 2')];
    await applyRunObjects(db, 'default', known, upstreamNow('default'));
    const registered = [await newQueuedRun('Registered 1'), await newQueuedRun('Registered 2'), await newQueuedRun('Registered 3')];
    await registerThreads(db, 'default', registered.map((r) => ({ id: r.thread_id })));
    const pushed: WatcherState[] = [];
    const unsubscribe = eventBus().subscribe((e) => e.type === 'watcher' && pushed.push(e.watcher));
    try {
      await start(50);
      expect(eventBus().watcher).toMatchObject({ state: 'running', watched_runs: 2 });
      // The registered threads are read and their runs found: a tab's stream hears the new count without asking.
      await eventually(async () => pushed.some((w) => w.watched_runs === 5), 20_000, 'a watcher event with 5 runs watched');
      expect(eventBus().watcher.watched_runs).toBe(5);
    } finally {
      unsubscribe();
    }
  });

  it('an instance standing by reports the runs the leading one watches', async () => {
    const { db } = getStore();
    const run = await newQueuedRun('Standby');
    await applyRunObjects(db, 'default', [run], upstreamNow('default'));
    const count = Number((await db.selectFrom('runs_seen').select((eb) => eb.fn.countAll<number>().as('n')).where('next_check_at_ms', 'is not', null).executeTakeFirstOrThrow()).n);
    const leader = await start(50);
    await eventually(async () => leader.isLeader, 10_000, 'first leads');
    await applyRunObjects(db, 'default', [await newQueuedRun('Standby 2')], upstreamNow('default'));
    // The standby announces last, on the same bus: it must carry the count, not 0.
    const standby = await start(50);
    expect(standby.isLeader).toBe(false);
    expect(eventBus().watcher.watched_runs).toBe(count + 1);
  });
});
