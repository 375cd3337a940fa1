import { afterAll, beforeAll, expect, it } from 'vitest';
import { DELETE as releaseDELETE, GET as claimGET, PUT as claimPUT } from '@/app/api/runs/[runId]/claim/route';
import { GET as threadClaimsGET } from '@/app/api/threads/[threadId]/claims/route';
import { forEachEngine } from '@/tests/support/engines';
import { ORIGIN, restoreEnv, setEnv } from '../proxy/support/harness';
import { testIdentity } from '../proxy/support/identity';

// Reading claims for the run and thread pages: a run's claim (or null once released), a thread's live claims, and
// the usual refusals (signed out 401, bad ids 400).

const headers = new Map<string, Record<string, string>>();
const req = (method: string, path: string, who: string, body?: unknown) =>
  new Request(`${ORIGIN}${path}`, { method, headers: { ...headers.get(who), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
const run = (runId: string) => ({ params: Promise.resolve({ runId }) });
const thread = (threadId: string) => ({ params: Promise.resolve({ threadId }) });

forEachEngine('reading claims', () => {
  beforeAll(async () => {
    setEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9', OPENAI_API_KEY: 'sk-claim-read-000000', RUNBOARD_LOG: 'off' });
    for (const role of ['viewer', 'operator'] as const) headers.set(role, { cookie: await (await testIdentity(role)).cookie() });
  });
  afterAll(() => restoreEnv());

  it('a run’s claim and a thread’s claims, for a viewer; gone once released', async () => {
    expect(await (await claimGET(req('GET', '/api/runs/run_cr1/claim', 'viewer'), run('run_cr1'))).json()).toEqual({ claim: null });
    for (const id of ['run_cr1', 'run_cr2']) {
      expect((await claimPUT(req('PUT', `/api/runs/${id}/claim`, 'operator', { thread_id: 'thread_cr' }), run(id))).status).toBe(200);
    }
    const one = (await (await claimGET(req('GET', '/api/runs/run_cr1/claim', 'viewer'), run('run_cr1'))).json()) as { claim: Record<string, unknown> };
    expect(one.claim).toMatchObject({ run_id: 'run_cr1', thread_id: 'thread_cr', user_name: expect.any(String) });
    const all = (await (await threadClaimsGET(req('GET', '/api/threads/thread_cr/claims', 'viewer'), thread('thread_cr'))).json()) as { data: Array<{ run_id: string }> };
    expect(all.data.map((c) => c.run_id)).toEqual(['run_cr1', 'run_cr2']);
    expect((await releaseDELETE(req('DELETE', '/api/runs/run_cr1/claim', 'operator'), run('run_cr1'))).status).toBe(200);
    expect(await (await claimGET(req('GET', '/api/runs/run_cr1/claim', 'viewer'), run('run_cr1'))).json()).toEqual({ claim: null });
    const left = (await (await threadClaimsGET(req('GET', '/api/threads/thread_cr/claims', 'viewer'), thread('thread_cr'))).json()) as { data: Array<{ run_id: string }> };
    expect(left.data.map((c) => c.run_id)).toEqual(['run_cr2']);
  });

  it('refuses the signed out and bad ids', async () => {
    expect((await claimGET(req('GET', '/api/runs/run_cr1/claim', 'nobody'), run('run_cr1'))).status).toBe(401);
    expect((await threadClaimsGET(req('GET', '/api/threads/bad%20id/claims', 'viewer'), thread('bad id'))).status).toBe(400);
  });
});
