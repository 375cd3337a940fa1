import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as lookupGET } from '@/app/api/lookup/route';
import { GET as meGET } from '@/app/api/me/route';
import { GET as recentGET } from '@/app/api/threads/recent/route';
import { GET as connectionGET } from '@/app/api/connection/route';
import { GET as capabilitiesGET } from '@/app/api/connection/capabilities/route';
import { GET as runsSeenRouteGET } from '@/app/api/threads/[threadId]/runs-seen/route';
import { GET as indexGET, POST as indexPOST } from '@/app/api/index/threads/route';
import { POST as indexCsvPOST } from '@/app/api/index/threads/csv/route';
import { GET as inboxGET } from '@/app/api/inbox/route';
import { GET as inboxCountGET } from '@/app/api/inbox/count/route';
import { GET as claimGET, PUT as claimPUT, DELETE as claimDELETE } from '@/app/api/runs/[runId]/claim/route';
import { GET as threadClaimsGET } from '@/app/api/threads/[threadId]/claims/route';
import { GET as notesGET, POST as notesPOST } from '@/app/api/notes/route';
import { PATCH as notePATCH, DELETE as noteDELETE } from '@/app/api/notes/[noteId]/route';
import { GET as rulesGET, PUT as rulesPUT } from '@/app/api/admin/stuck-rules/route';
import { PUT as watchPUT, DELETE as watchDELETE } from '@/app/api/threads/[threadId]/watch/route';
import type { Role } from '@/lib/view/roles';
import { ORIGIN, callProxy, pointAtUpstream, restoreEnv } from '../proxy/support/harness';
import { startTestEmulator, type EmulatorHandle } from '../proxy/support/emulator';
import { testIdentity } from '../proxy/support/identity';

// Role × endpoint × method: no identity → 401, a role too low → 403 (both in the API's error envelope and never
// reaching the upstream), the role itself → the upstream's answer. Identities are real better-auth sessions and
// personal API tokens in the test store.

type Who = 'nobody' | Role | 'viewer-token' | 'operator-token' | 'admin-token-as-viewer' | 'bad-token';
type Case = { who: Who; method: 'GET' | 'POST'; path: (ids: Ids) => string; body?: (ids: Ids) => unknown; expect: 200 | 401 | 403; name: string };
type Ids = { thread: string; run: string; assistant: string; stuckThread: string; stuckRun: string; step: string };

let emulator: EmulatorHandle;
let ids: Ids;
const headersFor = new Map<Who, Record<string, string>>();

beforeAll(async () => {
  emulator = await startTestEmulator();
  pointAtUpstream(emulator.url, emulator.apiKey, { RUNBOARD_POLL_CACHE_MS: '0' });
  const assistants = await emulator.call<{ data: Array<{ id: string; name: string }> }>('GET', '/assistants?limit=100');
  const assistant = assistants.data.find((a) => a.name === 'Triage Bot')!.id;
  const thread = (await emulator.call<{ id: string }>('POST', '/threads', { messages: [{ role: 'user', content: 'access table' }] })).id;
  const run = (await emulator.call<{ id: string }>('POST', `/threads/${thread}/runs`, { assistant_id: assistant })).id;
  await emulator.advance(120);
  const steps = await emulator.call<{ data: Array<{ id: string }> }>('GET', `/threads/${thread}/runs/${run}/steps`);
  const stuckThread = (await emulator.call<{ id: string }>('POST', '/threads', {})).id;
  const stuckRun = (await emulator.call<{ id: string }>('POST', `/threads/${stuckThread}/runs`, { assistant_id: assistant, metadata: { scenario: 'stuck_in_progress' } })).id;
  ids = { thread, run, assistant, stuckThread, stuckRun, step: steps.data[0]!.id };
  for (const role of ['viewer', 'operator', 'admin'] as const) {
    const identity = await testIdentity(role);
    headersFor.set(role, { cookie: await identity.cookie() });
    if (role !== 'admin') headersFor.set(`${role}-token`, { authorization: `Bearer ${identity.token}` });
  }
  const { getAuthPair } = await import('@/lib/auth/runtime');
  const admin = await testIdentity('admin');
  const asViewer = await (await getAuthPair()).plain.api.createApiKey({ body: { userId: admin.userId, name: 'read-only script', metadata: { role: 'viewer' } } });
  headersFor.set('admin-token-as-viewer', { authorization: `Bearer ${asViewer.key}` });
  headersFor.set('bad-token', { authorization: 'Bearer rb_thisisnotatokenthisisnotatokenthisisnotatoken' });
  headersFor.set('nobody', {});
}, 60_000);

afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});

const reads: Array<[string, (i: Ids) => string]> = [
  ['list runs', (i) => `/threads/${i.thread}/runs?limit=2`],
  ['retrieve run', (i) => `/threads/${i.thread}/runs/${i.run}`],
  ['list steps', (i) => `/threads/${i.thread}/runs/${i.run}/steps`],
  ['retrieve step', (i) => `/threads/${i.thread}/runs/${i.run}/steps/${i.step}`],
  ['retrieve thread', (i) => `/threads/${i.thread}`],
  ['list messages', (i) => `/threads/${i.thread}/messages`],
  ['list assistants', () => '/assistants?limit=1'],
];
const writes: Array<[string, (i: Ids) => string, (i: Ids) => unknown]> = [
  ['modify run', (i) => `/threads/${i.thread}/runs/${i.run}`, () => ({ metadata: { ticket: 'T-1' } })],
  ['create run', (i) => `/threads/${i.thread}/runs`, (i) => ({ assistant_id: i.assistant, metadata: { scenario: 'stuck_queued' } })],
  ['create thread and run', () => '/threads/runs', (i) => ({ assistant_id: i.assistant, thread: { messages: [{ role: 'user', content: 'hi' }] } })],
  ['cancel run', (i) => `/threads/${i.stuckThread}/runs/${i.stuckRun}/cancel`, () => undefined],
];

const cases: Case[] = [];
for (const [name, path] of reads) {
  cases.push({ name, who: 'nobody', method: 'GET', path, expect: 401 });
  cases.push({ name, who: 'bad-token', method: 'GET', path, expect: 401 });
  cases.push({ name, who: 'viewer', method: 'GET', path, expect: 200 });
  cases.push({ name, who: 'viewer-token', method: 'GET', path, expect: 200 });
}
for (const [name, path, body] of writes) {
  cases.push({ name, who: 'nobody', method: 'POST', path, body, expect: 401 });
  cases.push({ name, who: 'viewer', method: 'POST', path, body, expect: 403 });
  cases.push({ name, who: 'viewer-token', method: 'POST', path, body, expect: 403 });
  cases.push({ name, who: 'admin-token-as-viewer', method: 'POST', path, body, expect: 403 });
}
// The successful writes last: cancel must find the run still active, create run the thread still unlocked.
for (const [name, path, body] of writes) cases.push({ name, who: name === 'cancel run' ? 'operator' : name === 'modify run' ? 'operator-token' : 'admin', method: 'POST', path, body, expect: 200 });

describe('who may call which proxied endpoint', () => {
  it(`has at least 30 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases.map((c) => [`${c.method} ${c.name} as ${c.who} → ${c.expect}`, c] as const))('%s', async (_title, c) => {
    await emulator.clearRequests();
    const response = await callProxy(c.method, c.path(ids), { anonymous: true, headers: headersFor.get(c.who), body: c.body?.(ids) });
    const text = await response.text();
    expect(response.status, text).toBe(c.expect);
    const upstream = await emulator.apiRequests();
    if (c.expect === 200) {
      expect(upstream.length).toBeGreaterThanOrEqual(1);
      return;
    }
    const error = (JSON.parse(text) as { error: { code: string; message: string; type: string } }).error;
    expect(error.code).toBe(c.expect === 401 ? 'unauthorized' : 'forbidden');
    expect(error.message).toMatch(c.expect === 401 ? /Sign in|token/ : /needs an operator/);
    if (c.expect === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(upstream, 'a refused request reached the upstream').toEqual([]);
  });
});

describe("Runboard's own routes need a viewer", () => {
  const routes: Array<[string, (r: Request) => Promise<Response>, string]> = [
    ['GET /api/me', meGET, '/api/me'],
    ['GET /api/connection', connectionGET, '/api/connection'],
    ['GET /api/threads/recent', recentGET, '/api/threads/recent'],
    ['GET /api/lookup', lookupGET, '/api/lookup?run_id=run_nope'],
    ['GET /api/connection/capabilities', capabilitiesGET, '/api/connection/capabilities'],
    ['GET /api/threads/{id}/runs-seen', (r) => runsSeenRouteGET(r, { params: Promise.resolve({ threadId: 'thread_abc' }) }), '/api/threads/thread_abc/runs-seen'],
    ['GET /api/index/threads', indexGET, '/api/index/threads?q=thread'],
    ['GET /api/inbox', inboxGET, '/api/inbox'],
    ['GET /api/inbox/count', inboxCountGET, '/api/inbox/count'],
    ['GET /api/notes', notesGET, '/api/notes?thread_id=thread_abc'],
    ['GET /api/admin/stuck-rules', rulesGET, '/api/admin/stuck-rules'],
    ['GET /api/runs/{id}/claim', (r) => claimGET(r, { params: Promise.resolve({ runId: 'run_abc' }) }), '/api/runs/run_abc/claim'],
    ['GET /api/threads/{id}/claims', (r) => threadClaimsGET(r, { params: Promise.resolve({ threadId: 'thread_abc' }) }), '/api/threads/thread_abc/claims'],
  ];
  it.each(routes)('%s: 401 signed out, answered for a viewer', async (_name, handler, path) => {
    const anonymous = await handler(new Request(`${ORIGIN}${path}`));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const viewer = await handler(new Request(`${ORIGIN}${path}`, { headers: headersFor.get('viewer') }));
    expect([200, 404]).toContain(viewer.status);
  });

  it('GET /api/me says who and with which role, for a session and for a token', async () => {
    const session = (await (await meGET(new Request(`${ORIGIN}/api/me`, { headers: headersFor.get('operator') }))).json()) as Record<string, unknown>;
    expect(session).toMatchObject({ email: 'operator@proxy.test', role: 'operator', via: 'user' });
    const token = (await (await meGET(new Request(`${ORIGIN}/api/me`, { headers: headersFor.get('admin-token-as-viewer') }))).json()) as Record<string, unknown>;
    expect(token).toMatchObject({ email: 'admin@proxy.test', role: 'viewer', via: 'token' });
  });
});

describe("Runboard's own mutations (issue 11) need the role the interface names", () => {
  const p = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });
  type Handler = (r: Request) => Promise<Response>;
  const routes: Array<[string, Handler, string, string, Role, unknown]> = [
    ['POST /api/index/threads', indexPOST, 'POST', '/api/index/threads', 'operator', { threads: [] }],
    ['POST /api/index/threads/csv', indexCsvPOST, 'POST', '/api/index/threads/csv', 'admin', ''],
    ['PUT /api/runs/{id}/claim', (r) => claimPUT(r, p({ runId: 'run_abc' })), 'PUT', '/api/runs/run_abc/claim', 'operator', { thread_id: 'thread_abc' }],
    ['DELETE /api/runs/{id}/claim', (r) => claimDELETE(r, p({ runId: 'run_abc' })), 'DELETE', '/api/runs/run_abc/claim', 'operator', undefined],
    ['POST /api/notes', notesPOST, 'POST', '/api/notes', 'operator', { thread_id: 'thread_abc', body: 'x' }],
    ['PATCH /api/notes/{id}', (r) => notePATCH(r, p({ noteId: 'note_x' })), 'PATCH', '/api/notes/note_x', 'operator', { body: 'x' }],
    ['DELETE /api/notes/{id}', (r) => noteDELETE(r, p({ noteId: 'note_x' })), 'DELETE', '/api/notes/note_x', 'admin', undefined],
    ['PUT /api/admin/stuck-rules', rulesPUT, 'PUT', '/api/admin/stuck-rules', 'admin', {}],
    ['PUT /api/threads/{id}/watch', (r) => watchPUT(r, p({ threadId: 'thread_abc' })), 'PUT', '/api/threads/thread_abc/watch', 'viewer', undefined],
    ['DELETE /api/threads/{id}/watch', (r) => watchDELETE(r, p({ threadId: 'thread_abc' })), 'DELETE', '/api/threads/thread_abc/watch', 'viewer', undefined],
  ];
  const below: Record<Role, Role | null> = { viewer: null, operator: 'viewer', admin: 'operator' };
  it.each(routes)('%s: 401 signed out, 403 below its role', async (_name, handler, method, path, needs, body) => {
    const init = (who: Role | null): RequestInit => ({ method, headers: { ...(who ? headersFor.get(who) : {}), 'content-type': 'application/json' }, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const anonymous = await handler(new Request(`${ORIGIN}${path}`, init(null)));
    expect(anonymous.status).toBe(401);
    const lower = below[needs];
    if (lower) {
      const refused = await handler(new Request(`${ORIGIN}${path}`, init(lower)));
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(new RegExp(`needs an? ${needs}`));
    }
  });
});
