import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callProxy, restoreEnv, pointAtUpstream } from './support/harness';
import { startTestEmulator, type EmulatorHandle } from './support/emulator';

// Every request in this table must be refused with a clear 4xx in the API's error envelope, and the emulator's
// request log must show that nothing reached the upstream.

type Case = {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  status: number;
  message: RegExp;
};

const T = '/threads/thread_neg1';
const R = `${T}/runs/run_neg1`;
const json = { 'content-type': 'application/json' };
const manyKeys = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));

const CASES: Case[] = [
  // Paths
  { name: 'list threads does not exist', method: 'GET', path: '/threads', status: 404, message: /Unknown request URL: GET \/v1\/threads\./ },
  { name: 'unknown resource', method: 'GET', path: '/models', status: 404, message: /Unknown request URL/ },
  { name: 'vector stores are not proxied', method: 'GET', path: '/vector_stores', status: 404, message: /Unknown request URL/ },
  { name: 'file list is not proxied', method: 'GET', path: '/files', status: 404, message: /Unknown request URL/ },
  { name: 'too many segments', method: 'GET', path: `${R}/steps/step_1/extra`, status: 404, message: /Unknown request URL/ },
  { name: 'path is case-sensitive', method: 'GET', path: '/Threads/thread_neg1', status: 404, message: /Unknown request URL/ },
  { name: 'encoded slash', method: 'GET', path: '/threads/thread_a%2Fruns', status: 400, message: /encoded characters/ },
  { name: 'encoded dot-dot', method: 'GET', path: '/threads/thread_a/runs/%2e%2e%2fassistants', status: 400, message: /encoded characters/ },
  { name: 'encoded backslash', method: 'GET', path: '/threads/thread_a%5Cruns', status: 400, message: /encoded characters/ },
  { name: 'empty segment', method: 'GET', path: '/threads//runs', status: 400, message: /empty segment/ },
  { name: 'trailing slash', method: 'GET', path: `${T}/`, status: 400, message: /trailing slash/ },
  { name: 'absolute URL in path', method: 'GET', path: '/http://evil.example/v1/threads', status: 400, message: /absolute URLs/ },
  { name: 'matrix parameter', method: 'GET', path: '/threads/thread_a;x=1/runs', status: 400, message: /segments may only contain/ },
  { name: 'triple dot segment', method: 'GET', path: '/threads/.../runs', status: 400, message: /segments may only contain/ },
  // Methods
  { name: 'delete thread', method: 'DELETE', path: T, status: 405, message: /Method DELETE is not allowed.*allowed: GET/ },
  { name: 'modify thread', method: 'POST', path: T, body: { metadata: {} }, status: 405, message: /Method POST is not allowed/ },
  { name: 'create thread', method: 'POST', path: '/threads', body: {}, status: 404, message: /Unknown request URL/ },
  { name: 'create assistant', method: 'POST', path: '/assistants', body: { model: 'gpt-4o' }, status: 405, message: /allowed: GET/ },
  { name: 'create message', method: 'POST', path: `${T}/messages`, body: { role: 'user', content: 'hi' }, status: 405, message: /allowed: GET/ },
  { name: 'PUT run', method: 'PUT', path: R, rawBody: '{}', headers: json, status: 405, message: /allowed: GET, POST/ },
  { name: 'PATCH run', method: 'PATCH', path: R, rawBody: '{}', headers: json, status: 405, message: /Method PATCH/ },
  { name: 'DELETE run', method: 'DELETE', path: R, status: 405, message: /Method DELETE/ },
  { name: 'GET cancel', method: 'GET', path: `${R}/cancel`, status: 405, message: /allowed: POST/ },
  { name: 'OPTIONS runs', method: 'OPTIONS', path: `${T}/runs`, status: 405, message: /Method OPTIONS/ },
  { name: 'DELETE file', method: 'DELETE', path: '/files/file-abc', status: 405, message: /allowed: GET/ },
  // Ids: any prefix or none is forwarded (tests/proxy/proxy-facade.test.ts); only the shape is checked here.
  { name: 'id over 128 characters', method: 'GET', path: `/threads/thread_${'a'.repeat(130)}`, status: 400, message: /at most 128 characters/ },
  { name: 'id with a dot', method: 'GET', path: '/threads/thread_a.b', status: 400, message: /segments may only contain/ },
  { name: 'id with a tilde', method: 'GET', path: '/threads/thread_a~b', status: 400, message: /segments may only contain/ },
  // Bodies
  { name: 'invalid JSON', method: 'POST', path: `${T}/runs`, rawBody: '{"assistant_id":', headers: json, status: 400, message: /could not parse the JSON body/ },
  { name: 'empty body', method: 'POST', path: `${T}/runs`, rawBody: '', headers: json, status: 400, message: /body is empty/ },
  { name: 'body is an array', method: 'POST', path: `${T}/runs`, body: [{ assistant_id: 'asst_1' }], status: 400, message: /must be a JSON object/ },
  { name: 'missing assistant_id', method: 'POST', path: `${T}/runs`, body: {}, status: 400, message: /Missing required parameter: 'assistant_id'/ },
  { name: 'unknown body key', method: 'POST', path: `${T}/runs`, body: { assistant_id: 'asst_1', foo: 1 }, status: 400, message: /Unrecognized request argument supplied: foo/ },
  { name: 'assistant_id with a space', method: 'POST', path: `${T}/runs`, body: { assistant_id: 'asst 1' }, status: 400, message: /Invalid 'assistant_id'/ },
  { name: 'temperature above 2', method: 'POST', path: `${T}/runs`, body: { assistant_id: 'asst_1', temperature: 3 }, status: 400, message: /Invalid 'temperature'/ },
  { name: 'stream is not a boolean', method: 'POST', path: `${T}/runs`, body: { assistant_id: 'asst_1', stream: 'yes' }, status: 400, message: /Invalid 'stream'/ },
  { name: 'metadata with 17 keys', method: 'POST', path: `${T}/runs`, body: { assistant_id: 'asst_1', metadata: manyKeys }, status: 400, message: /Invalid 'metadata'.*16 keys/ },
  { name: 'metadata value over 512', method: 'POST', path: R, body: { metadata: { note: 'x'.repeat(513) } }, status: 400, message: /Invalid 'metadata\.note'.*512/ },
  { name: 'modify run with instructions', method: 'POST', path: R, body: { instructions: 'x' }, status: 400, message: /Unrecognized request argument supplied: instructions/ },
  { name: 'tool output without tool_call_id', method: 'POST', path: `${R}/submit_tool_outputs`, body: { tool_outputs: [{ output: 'x' }] }, status: 400, message: /tool_outputs\[0\]\.tool_call_id/ },
  { name: 'tool output that is an object', method: 'POST', path: `${R}/submit_tool_outputs`, body: { tool_outputs: [{ tool_call_id: 'call_1', output: { a: 1 } }] }, status: 400, message: /tool_outputs\[0\]\.output/ },
  { name: 'no tool outputs', method: 'POST', path: `${R}/submit_tool_outputs`, body: { tool_outputs: [] }, status: 400, message: /tool_outputs/ },
  { name: 'thread message with a bad role', method: 'POST', path: '/threads/runs', body: { assistant_id: 'asst_1', thread: { messages: [{ role: 'system', content: 'x' }] } }, status: 400, message: /thread\.messages\[0\]\.role/ },
  { name: 'cancel with a body', method: 'POST', path: `${R}/cancel`, body: { force: true }, status: 400, message: /takes no request body/ },
  { name: 'body over 2 MB', method: 'POST', path: R, body: { metadata: { a: 'x'.repeat(2_200_000) } }, status: 400, message: /larger than the 2 MB limit/ },
  // Headers
  { name: 'text/plain body', method: 'POST', path: `${T}/runs`, rawBody: '{"assistant_id":"asst_1"}', headers: { 'content-type': 'text/plain' }, status: 415, message: /Content-Type must be application\/json/ },
  { name: 'form-encoded body', method: 'POST', path: `${T}/runs`, rawBody: 'assistant_id=asst_1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, message: /Content-Type must be application\/json/ },
  { name: 'foreign Origin on a mutation', method: 'POST', path: `${R}/cancel`, headers: { origin: 'https://evil.example', host: 'runboard.test' }, status: 403, message: /evil\.example may not change runs/ },
  { name: 'Sec-Fetch-Site cross-site', method: 'POST', path: `${T}/runs`, body: { assistant_id: 'asst_1' }, headers: { 'sec-fetch-site': 'cross-site' }, status: 403, message: /Cross-site requests/ },
  { name: 'declared length over the cap', method: 'POST', path: `${T}/runs`, rawBody: '{}', headers: { ...json, 'content-length': '99999999' }, status: 400, message: /larger than the 2 MB limit/ },
  // Query strings
  { name: 'limit=0', method: 'GET', path: `${T}/runs?limit=0`, status: 400, message: /Invalid query parameter 'limit': must be at least 1/ },
  { name: 'limit=101', method: 'GET', path: `${T}/runs?limit=101`, status: 400, message: /'limit': must be at most 100/ },
  { name: 'limit=abc', method: 'GET', path: `${T}/runs?limit=abc`, status: 400, message: /'limit'/ },
  { name: 'order=random', method: 'GET', path: `${T}/runs?order=random`, status: 400, message: /'order'/ },
  { name: 'after with path characters', method: 'GET', path: `${T}/runs?after=..%2Fx`, status: 400, message: /'after'/ },
  { name: 'empty before', method: 'GET', path: `${T}/runs?before=`, status: 400, message: /'before'/ },
  { name: 'unknown parameter', method: 'GET', path: `${T}/runs?foo=bar`, status: 400, message: /Unknown query parameter 'foo'\. Allowed: limit, order, after, before/ },
  { name: 'client-chosen api-version', method: 'GET', path: `${T}/runs?api-version=2024-01-01`, status: 400, message: /Unknown query parameter 'api-version'/ },
  { name: 'repeated limit', method: 'GET', path: `${T}/runs?limit=1&limit=2`, status: 400, message: /given more than once/ },
  { name: 'query on retrieve run', method: 'GET', path: `${R}?include[]=x`, status: 400, message: /takes no query parameters/ },
  { name: 'unknown include value', method: 'GET', path: `${R}/steps?include[]=step_details.secret`, status: 400, message: /'include\[0\]'|'include'/ },
  { name: 'run_id filter with a slash', method: 'GET', path: `${T}/messages?run_id=run_a%2Fb`, status: 400, message: /'run_id'/ },
];

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  restoreEnv();
  await emulator.close();
});
beforeEach(async () => {
  pointAtUpstream(emulator.url, emulator.apiKey);
  await emulator.clearRequests();
});

describe('refused before the upstream', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [`${c.method} ${c.path.slice(0, 70)} (${c.name})`, c] as const))('%s', async (_title, c) => {
    const response = await callProxy(c.method, c.path, { body: c.body, rawBody: c.rawBody, headers: c.headers });
    expect(response.status).toBe(c.status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const envelope = (await response.json()) as { error: { message: string; type: string; code: string | null; param: string | null } };
    expect(envelope.error.message).toMatch(c.message);
    expect(envelope.error.type).toBe('invalid_request_error');
    expect(typeof envelope.error.code).toBe('string');
    if (c.status === 405) expect(response.headers.get('allow')).toBeTruthy();
    expect(await emulator.apiRequests()).toEqual([]);
  });

  it('the same upstream answers allowed requests (the log does record what arrives)', async () => {
    const thread = (await emulator.threads())[0]!;
    const response = await callProxy('GET', `/threads/${thread.id}/runs?limit=1`);
    expect(response.status).toBe(200);
    expect((await emulator.apiRequests()).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/threads/${thread.id}/runs`]);
  });
});
