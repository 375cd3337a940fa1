import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '@/lib/emulator';
import { handleLookup } from '@/lib/server/lookup';
import { callProxy, pointAtUpstream, restoreEnv } from './support/harness';

// Issue 9 defect 11: a run id alone is found however old it is in a big thread — the lookup reads every page of
// every thread Runboard has seen, a chunk per request with its progress, instead of the newest 500 runs only.

const KEY = 'sk-lookup-scan-key-334455';
let emulator: EmulatorServer;

beforeAll(async () => {
  emulator = await startEmulatorServer({ port: 0, apiKey: KEY, speed: 0 });
  pointAtUpstream(emulator.url, KEY);
});
afterAll(async () => {
  restoreEnv();
  await emulator.close();
});

type Answer = { run_id: string; thread_id: string | null; source: string; cursor?: string; progress?: { threads_done: number; threads_total: number; runs_scanned: number } };

describe('run-id lookup over a 1,000-run thread', () => {
  it('finds the oldest run, reporting progress between chunks, with no 500-run cap', async () => {
    const replay = [...emulator.emulator.store.threads.values()].find((t) => String(t.wire.metadata.ticket_id) === 'LOAD-0001');
    if (!replay) throw new Error('the seed has no 1,000-run replay thread');
    await callProxy('GET', `/threads/${replay.id}`); // Runboard has now seen the thread (and only it)
    // Asked of the emulator directly: through the proxy, Runboard would record the run and need no search.
    const direct = await fetch(`${emulator.url}/threads/${replay.id}/runs?limit=1&order=asc`, { headers: { authorization: `Bearer ${KEY}`, 'openai-beta': 'assistants=v2' } });
    const oldest = (await direct.json()) as { data: Array<{ id: string }> };
    const runId = oldest.data[0]!.id;

    const answers: Answer[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await handleLookup(new Request(`http://localhost/api/lookup?run_id=${runId}${cursor ? `&cursor=${cursor}` : ''}`));
      expect(res.status, await res.clone().text()).toBe(200);
      const answer = (await res.json()) as Answer;
      answers.push(answer);
      if (answer.thread_id !== null) break;
      cursor = answer.cursor;
    }
    const last = answers.at(-1)!;
    expect(last).toEqual({ run_id: runId, thread_id: replay.id, source: 'scan' });
    const progress = answers.slice(0, -1).map((a) => a.progress?.runs_scanned);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeGreaterThanOrEqual(500); // the newest 500 read, and the search went on past them
    expect(answers[0]!.progress).toMatchObject({ threads_done: 0, threads_total: 1 });

    // Recorded while scanning: the next lookup is answered from the store at once.
    const again = await handleLookup(new Request(`http://localhost/api/lookup?run_id=${runId}`));
    expect(await again.json()).toEqual({ run_id: runId, thread_id: replay.id, source: 'store' });
  });
});
