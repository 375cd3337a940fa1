import { describe, expect, it } from 'vitest';
import { ENDPOINTS, badIdMessage, matchEndpoint } from './index';

const T = 'thread_abc';
const R = 'run_abc';

describe('matchEndpoint', () => {
  it.each([
    ['POST', `/threads/${T}/runs`, 'createRun'],
    ['POST', '/threads/runs', 'createThreadAndRun'],
    ['GET', `/threads/${T}/runs`, 'listRuns'],
    ['GET', `/threads/${T}/runs/${R}`, 'getRun'],
    ['POST', `/threads/${T}/runs/${R}`, 'modifyRun'],
    ['POST', `/threads/${T}/runs/${R}/submit_tool_outputs`, 'submitToolOutputs'],
    ['POST', `/threads/${T}/runs/${R}/cancel`, 'cancelRun'],
    ['GET', `/threads/${T}/runs/${R}/steps`, 'listRunSteps'],
    ['GET', `/threads/${T}/runs/${R}/steps/step_1`, 'getRunStep'],
    ['GET', `/threads/${T}`, 'getThread'],
    ['GET', `/threads/${T}/messages`, 'listMessages'],
    ['GET', `/threads/${T}/messages/msg_1`, 'getMessage'],
    ['GET', '/assistants', 'listAssistants'],
    ['GET', '/assistants/asst_1', 'getAssistant'],
    ['GET', '/files/file-abc', 'getFile'],
    ['GET', '/files/file-abc/content', 'getFileContent'],
    ['POST', '/assistants', 'createAssistant'],
    ['POST', '/threads', 'createThread'],
    ['POST', `/threads/${T}`, 'modifyThread'],
    ['DELETE', `/threads/${T}`, 'deleteThread'],
    ['POST', `/threads/${T}/messages`, 'createMessage'],
    ['get', `/threads/${T}`, 'getThread'],
  ])('%s %s → %s', (method, path, id) => {
    const m = matchEndpoint(method, path);
    expect(m.ok && m.endpoint.id).toBe(id);
  });

  it('returns the params by name', () => {
    const m = matchEndpoint('GET', `/threads/${T}/runs/${R}/steps/step_9`);
    expect(m.ok && m.params).toEqual({ thread_id: T, run_id: R, step_id: 'step_9' });
  });

  it.each([
    ['GET', '/runs/run_1'], // runs only under a thread
    ['GET', `/threads/${T}/runs/${R}/steps/step_1/extra`],
    ['GET', 'threads/thread_1'],
    ['GET', '/vector_stores'],
  ])('not_found: %s %s', (method, path) => {
    expect(matchEndpoint(method, path)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('method_not_allowed lists the allowed methods', () => {
    expect(matchEndpoint('DELETE', `/threads/${T}/runs/${R}`)).toEqual({ ok: false, reason: 'method_not_allowed', allowed: ['GET', 'POST'] });
    expect(matchEndpoint('PUT', '/assistants')).toMatchObject({ reason: 'method_not_allowed' });
    expect(matchEndpoint('GET', `/threads/${T}/runs/${R}/cancel`)).toMatchObject({ reason: 'method_not_allowed', allowed: ['POST'] });
    // Listing threads does not exist for API keys; only POST /threads does.
    expect(matchEndpoint('GET', '/threads')).toEqual({ ok: false, reason: 'method_not_allowed', allowed: ['POST'] });
  });

  it.each([
    ['..', `/threads/../runs`, 'thread_id'],
    ['encoded slash', `/threads/thread_a%2F..%2Fb/runs`, 'thread_id'],
    ['encoded dot', `/threads/${T}/runs/run_%2E%2E`, 'run_id'],
    ['129 chars', `/threads/thread_${'a'.repeat(122)}`, 'thread_id'],
    ['wrong prefix', `/threads/${T}/runs/step_1`, 'run_id'],
    ['undefined from a bad SDK call', `/threads/undefined/runs/${R}`, 'thread_id'],
    ['empty segment', `/threads//runs`, 'thread_id'],
    ['trailing slash (empty run id)', `/threads/${T}/runs/`, 'run_id'],
    ['file id with underscore prefix', '/files/file_abc', 'file_id'],
    ['non-ascii', `/threads/thread_é/runs`, 'thread_id'],
  ])('bad_id (%s) names the param', (_name, path, param) => {
    const m = matchEndpoint('GET', path);
    expect(m).toMatchObject({ ok: false, reason: 'bad_id', param });
  });

  it('GET /threads/runs is a bad thread id, not createThreadAndRun', () => {
    expect(matchEndpoint('GET', '/threads/runs')).toMatchObject({ reason: 'bad_id', param: 'thread_id', value: 'runs' });
  });

  it('accepts ids of exactly 128 characters', () => {
    expect(matchEndpoint('GET', `/threads/thread_${'a'.repeat(121)}`).ok).toBe(true);
  });

  it('words bad ids like the API', () => {
    expect(badIdMessage('thread_id', 'undefined', 'thread_')).toBe(
      "Invalid 'thread_id': 'undefined'. Expected an ID that begins with 'thread'.",
    );
    expect(badIdMessage('file_id', 'x', 'file-')).toContain("begins with 'file'");
  });
});

describe('ENDPOINTS table', () => {
  it('has unique ids and unique method+path pairs', () => {
    expect(new Set(ENDPOINTS.map((e) => e.id)).size).toBe(ENDPOINTS.length);
    expect(new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`)).size).toBe(ENDPOINTS.length);
  });

  it('proxies exactly the allow-list', () => {
    expect(ENDPOINTS.filter((e) => e.proxied).map((e) => e.id).sort()).toEqual(
      [
        'createRun', 'createThreadAndRun', 'listRuns', 'getRun', 'modifyRun', 'submitToolOutputs', 'cancelRun',
        'listRunSteps', 'getRunStep', 'getThread', 'listMessages', 'getMessage', 'listAssistants', 'getAssistant',
        'getFile', 'getFileContent',
      ].sort(),
    );
  });

  it('marks streaming only where stream:true is accepted, and GETs as non-mutations', () => {
    expect(ENDPOINTS.filter((e) => e.streamable).map((e) => e.id).sort()).toEqual(['createRun', 'createThreadAndRun', 'submitToolOutputs']);
    for (const e of ENDPOINTS) {
      expect(e.streams).toBe(e.streamable);
      if (e.method === 'GET') expect(e.mutation).toBe(false);
      else expect(e.mutation).toBe(true);
      if (e.method === 'GET' || e.id === 'cancelRun' || e.method === 'DELETE') expect(e.body).toBeNull();
    }
  });

  it('lists every path param with its prefix', () => {
    const step = ENDPOINTS.find((e) => e.id === 'getRunStep');
    expect(step?.params).toEqual({ thread_id: 'thread_', run_id: 'run_', step_id: 'step_' });
  });

  it('list endpoints accept the list query and validate it', () => {
    const list = ENDPOINTS.find((e) => e.id === 'listMessages');
    expect(list?.query).toEqual(['limit', 'order', 'after', 'before', 'run_id']);
    expect(list?.querySchema?.safeParse({ limit: '100', run_id: 'run_1' }).success).toBe(true);
    expect(list?.querySchema?.safeParse({ limit: '101' }).success).toBe(false);
  });
});
