import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as capabilitiesGET } from '@/app/api/connection/capabilities/route';
import { startEmulatorServer, type EmulatorServer } from '@/lib/emulator';
import { clearCapabilities } from '@/lib/server/capabilities/registry';
import { handleLookup } from '@/lib/server/lookup';
import { callProxy, errorOf, pointAtUpstream, restoreEnv, signedInRequest } from './support/harness';

// The proxy over a partial facade (the emulator's sparse profile): ids of any shape pass, a missing endpoint is
// told apart from a missing object, learned once and then answered without asking the upstream again.

const KEY = 'sk-facade-test-key-001122';
let sparse: EmulatorServer;
let full: EmulatorServer;

async function upstreamRequests(server: EmulatorServer, pathPart: string): Promise<number> {
  return server.emulator.state.log.list().filter((r) => r.path.includes(pathPart)).length;
}

async function oddThread(server: EmulatorServer) {
  const thread = [...server.emulator.store.threads.values()].find((t) => t.wire.metadata.demo === 'odd-ids');
  if (!thread?.latestRun) throw new Error('the sparse seed has no odd-id thread');
  return { threadId: thread.id, runId: thread.latestRun.id };
}

beforeAll(async () => {
  sparse = await startEmulatorServer({ port: 0, apiKey: KEY, speed: 0, profile: 'sparse' });
  full = await startEmulatorServer({ port: 0, apiKey: KEY, speed: 0 });
});
afterAll(async () => {
  restoreEnv();
  clearCapabilities();
  await sparse.close();
  await full.close();
});

describe('proxy over a sparse facade', () => {
  it('forwards ids of any shape: thread__…, run_-…, file_…, UUIDs', async () => {
    pointAtUpstream(sparse.url, KEY);
    const { threadId, runId } = await oddThread(sparse);
    expect(threadId).toMatch(/^thread__/);
    expect(runId).toMatch(/^run_-/);
    expect((await callProxy('GET', `/threads/${threadId}`)).status).toBe(200);
    expect((await callProxy('GET', `/threads/${threadId}/runs/${runId}`)).status).toBe(200);
    const file = [...sparse.emulator.store.files.values()][0]!.wire.id;
    expect(file).toMatch(/^file_/);
    expect((await callProxy('GET', `/files/${file}`)).status).toBe(200);
    // Unknown to the facade, but well-formed: the upstream is asked and its own 404 comes back.
    const uuid = await callProxy('GET', '/threads/3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f');
    expect(uuid.status).toBe(404);
    expect((await errorOf(uuid)).code).not.toBe('endpoint_not_supported');
  });

  it('says a missing endpoint is missing (not the thread), learns it once and stops asking', async () => {
    pointAtUpstream(sparse.url, KEY);
    const { threadId, runId } = await oddThread(sparse);
    const before = await upstreamRequests(sparse, `/${threadId}/runs/${runId}/steps`);
    const first = await callProxy('GET', `/threads/${threadId}/runs/${runId}/steps?limit=100`);
    expect(first.status).toBe(404);
    const error = await errorOf(first);
    expect(error.code).toBe('endpoint_not_supported');
    expect(error.message).toMatch(/does not provide run steps/);
    const again = await callProxy('GET', `/threads/${threadId}/runs/${runId}/steps?limit=100`);
    expect((await errorOf(again)).code).toBe('endpoint_not_supported');
    expect(await upstreamRequests(sparse, `/${threadId}/runs/${runId}/steps`)).toBe(before + 1);

    const runs = await callProxy('GET', `/threads/${threadId}/runs`);
    expect((await errorOf(runs)).message).toMatch(/cannot list runs/);
    const modify = await callProxy('POST', `/threads/${threadId}/runs/${runId}`, { body: { metadata: { a: '1' } } });
    expect((await errorOf(modify)).message).toMatch(/cannot update runs/);
    // A missing run on an endpoint that exists is still "not found", with the facade's own words.
    const missingRun = await callProxy('GET', `/threads/${threadId}/runs/run_doesnotexist`);
    expect(missingRun.status).toBe(404);
    expect((await errorOf(missingRun)).code).not.toBe('endpoint_not_supported');
  });

  it('probes capabilities: the facade lacks runs list, steps and run update; the full emulator has them', async () => {
    clearCapabilities();
    pointAtUpstream(sparse.url, KEY);
    const sparseCaps = (await (await capabilitiesGET(await signedInRequest('/api/connection/capabilities'))).json()) as { capabilities: Record<string, { state: string }> };
    expect(sparseCaps.capabilities).toMatchObject({
      listRuns: { state: 'unsupported' },
      listSteps: { state: 'unsupported' },
      modifyRun: { state: 'unsupported' },
    });
    pointAtUpstream(full.url, KEY);
    const fullCaps = (await (await capabilitiesGET(await signedInRequest('/api/connection/capabilities'))).json()) as { capabilities: Record<string, { state: string }> };
    expect(fullCaps.capabilities).toMatchObject({
      listRuns: { state: 'supported' },
      listSteps: { state: 'supported' },
      modifyRun: { state: 'supported' },
      listThreads: { state: 'unsupported' },
    });
  });

  it('the run-id lookup says which threads it could not scan, and why', async () => {
    clearCapabilities();
    pointAtUpstream(sparse.url, KEY);
    const { threadId, runId } = await oddThread(sparse);
    await callProxy('GET', `/threads/${threadId}`); // Runboard has now seen the thread
    const found = await handleLookup(new Request(`http://localhost/api/lookup?run_id=${runId}`));
    const missing = await handleLookup(new Request('http://localhost/api/lookup?run_id=run_-notonanythread00000'));
    expect(missing.status).toBe(404);
    const error = await errorOf(missing);
    expect(error.code).toBe('run_not_seen_scan_incomplete');
    expect(error.message).toMatch(/\d+ of \d+ threads? could not be scanned: this server cannot list runs/);
    // The run seen earlier is still found from the store, by its odd id.
    expect(found.status).toBe(200);
  });
});
