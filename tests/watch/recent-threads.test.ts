import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { GET as recentGET } from '@/app/api/threads/recent/route';
import { flushObservedAnswers } from '@/lib/server/observe';
import type { Watcher } from '@/lib/watch/watcher';
import { forEachEngine } from '@/tests/support/engines';
import { callProxy, ORIGIN, restoreEnv, setEnv } from '../proxy/support/harness';
import { startTestEmulator, type EmulatorHandle } from '../proxy/support/emulator';
import { withIdentity } from '../proxy/support/identity';
import { eventually, newWatcher } from './support';

// Issue 9, defect 2: home's recent threads showed stale statuses — a run created through the proxy that completed
// upstream still read "queued" after a reload, and a thread the upstream no longer had stayed listed after a restart.
// /api/threads/recent answers from the index the watcher keeps fresh. (Without the watcher both checks fail.)

let emulator: EmulatorHandle;
let watcher: Watcher | null = null;
type Recent = { data: Array<{ thread_id: string; last_run: { id: string; status: string | null } | null }> };
const recent = async () => (await (await recentGET(await withIdentity(new Request(`${ORIGIN}/api/threads/recent?limit=100`)))).json()) as Recent;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
});

forEachEngine('recent threads from the fresh index', () => {
  beforeAll(() => {
    setEnv({ OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off', RUNBOARD_UPSTREAM_RETRIES: '0' });
  });

  it('a run created through the proxy that completes upstream shows completed on home', async () => {
    const assistants = await emulator.call<{ data: Array<{ id: string; name: string }> }>('GET', '/assistants?limit=100');
    const assistant = assistants.data.find((a) => a.name === 'Triage Bot')!.id;
    const created = await callProxy('POST', '/threads/runs', { body: { assistant_id: assistant, thread: { messages: [{ role: 'user', content: 'Where is my parcel?' }] } } });
    const run = (await created.json()) as { id: string; thread_id: string; status: string };
    await flushObservedAnswers();
    expect((await recent()).data.find((t) => t.thread_id === run.thread_id)?.last_run).toMatchObject({ id: run.id, status: 'queued' });
    await emulator.advance(120);
    watcher = await newWatcher(20);
    await watcher.start();
    await eventually(async () => (await recent()).data.find((t) => t.thread_id === run.thread_id)?.last_run?.status === 'completed', 20_000, 'completed on home');
  });

  it('a thread the upstream no longer has leaves home after a restart', async () => {
    const thread = (await emulator.call<{ id: string }>('POST', '/threads', { metadata: { title: 'Soon gone' } })).id;
    expect((await callProxy('GET', `/threads/${thread}`)).status).toBe(200);
    await flushObservedAnswers();
    expect((await recent()).data.some((t) => t.thread_id === thread)).toBe(true);
    // The upstream forgets it (an emulator reset), then Runboard restarts: its new watcher checks home's threads.
    await emulator.reset();
    watcher = await newWatcher(20);
    await watcher.start();
    await eventually(async () => !(await recent()).data.some((t) => t.thread_id === thread), 20_000, 'gone from home');
  });
});
