import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { applyRunObjects, countWatchedRuns } from '@/lib/store/index-runs';
import { registerThreads, setWatch } from '@/lib/store/index-threads';
import { listRecentThreads } from '@/lib/store/threads-seen';
import { proxyCaches } from '@/lib/server/proxy/buffered';
import { eventBus, type WatcherState } from '@/lib/watch/events';
import { upstreamNow } from '@/lib/upstream/clock';
import type { Watcher } from '@/lib/watch/watcher';
import { forEachEngine } from '@/tests/support/engines';
import { callProxy, restoreEnv, setEnv } from '../proxy/support/harness';
import type { EmulatorHandle } from '../proxy/support/emulator';
import { eventually, inbox, newWatcher, startWatchEmulator, watcherRequests } from './support';

// The watcher against a real emulator (its clock moved, never slept on) and a real store on both engines: registered
// threads are read and their runs found; stuck runs reach the inbox with the rule's reason; a long in_progress run's
// steps are read before it is called idle; a thread the upstream lost is marked gone; a run both watched and viewed
// costs one upstream call per cache window; a 429 with Retry-After pauses it.

let emulator: EmulatorHandle;
let assistant: string;
let watcher: Watcher | null = null;

beforeAll(async () => {
  ({ emulator, assistant } = await startWatchEmulator());
});
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
});

const newThread = async (title: string) => (await emulator.call<{ id: string }>('POST', '/threads', { metadata: { title }, messages: [{ role: 'user', content: title }] })).id;
const newRun = async (thread: string, scenario?: string) =>
  emulator.call<Record<string, unknown> & { id: string }>('POST', `/threads/${thread}/runs`, { assistant_id: assistant, ...(scenario ? { metadata: { scenario } } : {}) });

forEachEngine('watcher', (getStore) => {
  beforeAll(() => {
    setEnv({ OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off', RUNBOARD_UPSTREAM_RETRIES: '0' });
  });

  it('reads a registered thread, finds its stuck run, flags it past the rule with the diagnosis, and lets it go when it ends', async () => {
    const { db } = getStore();
    const thread = await newThread('Refund for order 1182');
    const run = await newRun(thread, 'stuck_queued');
    await registerThreads(db, 'default', [{ id: thread, customerRef: 'CUST-1182' }]);
    await emulator.clearRequests();
    watcher = await newWatcher(50);
    await watcher.start();
    await eventually(async () => (await db.selectFrom('runs_seen').select('snapshot').where('run_id', '=', run.id).executeTakeFirst())?.snapshot, 20_000, 'the run found');
    const row = await db.selectFrom('threads_seen').select(['title', 'last_checked_at', 'last_run_status']).where('thread_id', '=', thread).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'Refund for order 1182', last_run_status: 'queued' });
    expect((await inbox()).find((i) => i.run_id === run.id)).toBeUndefined();

    await emulator.advance(150);
    const item = await eventually(async () => (await inbox()).find((i) => i.run_id === run.id), 20_000, 'the run in the inbox');
    expect(item).toMatchObject({ reason_code: 'queued_too_long', customer_ref: 'CUST-1182', thread_title: 'Refund for order 1182', state_since_is_lower_bound: false });
    expect(item.reason).toMatch(/over the 2 min rule/);
    const paths = (await watcherRequests(emulator)).map((r) => `${r.method} ${r.path}`);
    expect(paths.slice(0, 2)).toEqual([`GET /v1/threads/${thread}`, `GET /v1/threads/${thread}/runs`]);

    await emulator.call('POST', `/threads/${thread}/runs/${run.id}/cancel`);
    await eventually(async () => !(await inbox()).some((i) => i.run_id === run.id && i.reason_code === 'queued_too_long'), 20_000, 'the run to leave');
    await emulator.advance(600);
    await eventually(async () => (await db.selectFrom('runs_seen').select('next_check_at_ms').where('run_id', '=', run.id).executeTakeFirst())?.next_check_at_ms === null, 20_000, 'terminal: unscheduled');
  });

  it('reads the steps of a long in_progress run before calling it idle', async () => {
    const { db } = getStore();
    const thread = await newThread('Long job');
    const run = await newRun(thread, 'stuck_in_progress');
    await emulator.advance(5);
    await setWatch(db, 'default', thread, 'user_w', true);
    await emulator.clearRequests();
    watcher = await newWatcher(50);
    await watcher.start();
    await eventually(async () => (await db.selectFrom('runs_seen').select('status').where('run_id', '=', run.id).executeTakeFirst())?.status === 'in_progress', 20_000, 'in_progress');
    await emulator.advance(11 * 60);
    const item = await eventually(async () => (await inbox()).find((i) => i.run_id === run.id), 20_000, 'idle run in the inbox');
    expect(item.reason_code).toBe('in_progress_no_progress');
    expect(item.reason).toMatch(/no new or changed step for \d+ min/);
    expect((await watcherRequests(emulator)).some((r) => r.path === `/v1/threads/${thread}/runs/${run.id}/steps`)).toBe(true);
  });

  it('marks a thread the upstream no longer has as gone (kept in the index, off the recent list)', async () => {
    const { db } = getStore();
    await registerThreads(db, 'default', [{ id: 'thread_neverexisted1', customerRef: 'CUST-GONE' }]);
    watcher = await newWatcher(50);
    await watcher.start();
    const row = await eventually(async () => (await db.selectFrom('threads_seen').select(['gone_at']).where('thread_id', '=', 'thread_neverexisted1').executeTakeFirst())?.gone_at, 20_000, 'gone');
    expect(row).toBeGreaterThan(0);
    expect((await listRecentThreads(db, 'default', 100)).some((t) => t.threadId === 'thread_neverexisted1')).toBe(false);
  });

  it('a run both watched and viewed costs one upstream call per cache window', async () => {
    const { db } = getStore();
    const thread = await newThread('Shared poll');
    const run = await newRun(thread, 'stuck_queued');
    proxyCaches().poll.clear();
    // A person views the run (through the proxy): it enters the index, due for the watcher at once.
    await emulator.clearRequests();
    const viewed = await callProxy('GET', `/threads/${thread}/runs/${run.id}`);
    expect(viewed.status).toBe(200);
    await applyRunObjects(db, 'default', [(await viewed.json()) as Record<string, unknown>], upstreamNow('default'));
    watcher = await newWatcher(50, 5_000);
    await watcher.start();
    await eventually(async () => (await db.selectFrom('runs_seen').select('checked_at_ms').where('run_id', '=', run.id).executeTakeFirst())?.checked_at_ms, 20_000, 'watcher read');
    const reads = (await emulator.apiRequests()).filter((r) => r.path === `/v1/threads/${thread}/runs/${run.id}`);
    expect(reads).toHaveLength(1);
  });

  it('backs off on 429 with Retry-After (state backing_off), then catches up', async () => {
    const { db } = getStore();
    const thread = await newThread('Rate limited');
    const run = await newRun(thread, 'stuck_queued');
    await applyRunObjects(db, 'default', [run], upstreamNow('default'));
    await fetch(`${emulator.origin}/__emulator/faults`, { method: 'POST', headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 429, count: 2, retry_after_seconds: 2 }) });
    await emulator.clearRequests();
    const states: string[] = [];
    const unsubscribe = eventBus().subscribe((e) => e.type === 'watcher' && states.push(e.watcher.state));
    watcher = await newWatcher(50);
    await watcher.start();
    await eventually(async () => (await db.selectFrom('runs_seen').select('checked_at_ms').where('run_id', '=', run.id).executeTakeFirst())?.checked_at_ms, 30_000, 'caught up');
    unsubscribe();
    expect(states).toContain('backing_off');
    expect(states[states.length - 1]).toBe('running');
    const log = await watcherRequests(emulator);
    const limited = log.filter((r) => r.status === 429);
    expect(limited).toHaveLength(2);
    const firstOk = log.find((r) => r.status === 200)!;
    // Each 429 asked for 2 s: the requests after it waited at least that long.
    expect(Date.parse(limited[1]!.received_at) - Date.parse(limited[0]!.received_at)).toBeGreaterThanOrEqual(1900);
    expect(Date.parse(firstOk.received_at) - Date.parse(limited[1]!.received_at)).toBeGreaterThanOrEqual(1900);
  });

  it('one watcher per deployment: a second instance stands by and takes over when the first stops', async () => {
    const first = await newWatcher(50);
    const second = await newWatcher(50);
    await first.start();
    await eventually(async () => first.isLeader, 10_000, 'first leads');
    await second.start();
    await new Promise((r) => setTimeout(r, 1_500));
    expect([first.isLeader, second.isLeader]).toEqual([true, false]);
    await first.stop();
    watcher = second;
    await eventually(async () => second.isLeader, 10_000, 'second takes over');
  });
});

// "N runs watched" on /inbox (the inbox answer and each tab's stream) is the number of active runs the watcher keeps
// fresh: right from its start (a restart over a full index), pushed to open tabs as it finds more, and the same on
// an instance standing by while another one watches.
const standingBy: Watcher[] = [];
afterEach(async () => {
  for (const w of standingBy.splice(0)) await w.stop();
});
const start = async (budgetRps: number) => {
  const w = await newWatcher(budgetRps);
  if (watcher) standingBy.push(w);
  else watcher = w;
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
    // Earlier tests left active runs in this store; no watcher runs between tests, so this holds until start.
    const before = await countWatchedRuns(db, 'default');
    const known = [await newQueuedRun('Known 1'), await newQueuedRun('Known 2')];
    await applyRunObjects(db, 'default', known, upstreamNow('default'));
    const registered = [await newQueuedRun('Registered 1'), await newQueuedRun('Registered 2'), await newQueuedRun('Registered 3')];
    await registerThreads(db, 'default', registered.map((r) => ({ id: r.thread_id })));
    const pushed: WatcherState[] = [];
    const unsubscribe = eventBus().subscribe((e) => e.type === 'watcher' && pushed.push(e.watcher));
    try {
      await start(50);
      expect(eventBus().watcher).toMatchObject({ state: 'running', watched_runs: before + 2 });
      // The registered threads are read and their runs found: a tab's stream hears the new count without asking.
      await eventually(async () => pushed.some((w) => w.watched_runs === before + 5), 20_000, 'a watcher event with 3 more runs watched');
      expect(eventBus().watcher.watched_runs).toBe(before + 5);
    } finally {
      unsubscribe();
    }
  });

  it('an instance standing by reports the runs the leading one watches', async () => {
    const { db } = getStore();
    await applyRunObjects(db, 'default', [await newQueuedRun('Standby')], upstreamNow('default'));
    const leader = await start(50);
    await eventually(async () => leader.isLeader, 10_000, 'first leads');
    await applyRunObjects(db, 'default', [await newQueuedRun('Standby 2')], upstreamNow('default'));
    // The standby announces last, on the same bus: it must carry the deployment's count (the shared store's), not 0.
    const standby = await start(50);
    expect(standby.isLeader).toBe(false);
    expect(eventBus().watcher.watched_runs).toBe(await countWatchedRuns(db, 'default'));
    expect(eventBus().watcher.watched_runs).toBeGreaterThan(1);
  });
});
