// A minimal Assistants "facade" on node:http for the robustness spec: it answers with the sparsest objects such
// servers send (only id/object/created_at/thread_id/status and the like), older v1 shapes (`file_ids`, a `retrieval`
// tool and tool call, `assistant.run.step`), and values Runboard does not know (run status `paused`, step type
// `reasoning`, a message content part of type `audio`, an error code of its own).
// Its concern is object *shapes*. Missing *endpoints*, facade id styles and protocol deviations are covered by the
// emulator's sparse profile (EMULATOR_PROFILE=sparse, e2e/ui/facade-sparse.spec.ts), which does not reproduce these
// shapes; so both stay.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SPARSE_THREAD = 'thread_sparse1';
/** Paused (unknown status), nothing but the required keys. */
export const SPARSE_RUN_PAUSED = 'run_sparsepaused';
/** A v1-shaped run with steps: retrieval call, unknown step type, message creation, unknown step status. */
export const SPARSE_RUN_V1 = 'run_sparsev1';
/** Waiting on tool outputs with no expires_at, no tools and no step list entries. */
export const SPARSE_RUN_ACTION = 'run_sparseaction';
export const SPARSE_RUN_FAILED = 'run_sparsefailed';

const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

const runs: Record<string, Record<string, unknown>> = {
  [SPARSE_RUN_ACTION]: {
    id: SPARSE_RUN_ACTION,
    object: 'thread.run',
    created_at: T0 + 300,
    thread_id: SPARSE_THREAD,
    assistant_id: 'asst_sparse',
    status: 'requires_action',
    required_action: {
      type: 'submit_tool_outputs',
      submit_tool_outputs: { tool_calls: [{ id: 'call_sparse1', type: 'function', function: { name: 'lookup', arguments: '' } }] },
    },
  },
  [SPARSE_RUN_PAUSED]: { id: SPARSE_RUN_PAUSED, object: 'thread.run', created_at: T0 + 200, thread_id: SPARSE_THREAD, assistant_id: 'asst_sparse', status: 'paused' },
  [SPARSE_RUN_FAILED]: {
    id: SPARSE_RUN_FAILED,
    object: 'thread.run',
    created_at: T0 + 150,
    thread_id: SPARSE_THREAD,
    assistant_id: 'asst_sparse',
    status: 'failed',
    last_error: { code: 'facade_upstream_timeout', message: 'The facade gave up waiting.' },
  },
  [SPARSE_RUN_V1]: {
    id: SPARSE_RUN_V1,
    object: 'thread.run',
    created_at: T0 + 100,
    thread_id: SPARSE_THREAD,
    assistant_id: 'asst_sparse',
    status: 'completed',
    completed_at: T0 + 130,
    model: 'gpt-4-1106-preview',
    tools: [{ type: 'retrieval' }, { type: 'function', function: { name: 'lookup' } }],
    file_ids: ['file-sparse1'],
  },
};

const steps: Record<string, Array<Record<string, unknown>>> = {
  [SPARSE_RUN_V1]: [
    {
      id: 'step_sparse1',
      object: 'assistant.run.step',
      created_at: T0 + 101,
      thread_id: SPARSE_THREAD,
      run_id: SPARSE_RUN_V1,
      type: 'tool_calls',
      status: 'completed',
      step_details: { type: 'tool_calls', tool_calls: [{ id: 'call_retrieval1', type: 'retrieval', retrieval: {} }] },
    },
    {
      id: 'step_sparse2',
      object: 'thread.run.step',
      created_at: T0 + 110,
      thread_id: SPARSE_THREAD,
      run_id: SPARSE_RUN_V1,
      type: 'reasoning',
      status: 'completed',
      step_details: { type: 'reasoning', reasoning: { summary: 'Thought about the refund policy.' } },
    },
    {
      id: 'step_sparse3',
      object: 'thread.run.step',
      created_at: T0 + 120,
      thread_id: SPARSE_THREAD,
      run_id: SPARSE_RUN_V1,
      type: 'tool_calls',
      status: 'skipped',
      step_details: { type: 'tool_calls', tool_calls: [{ id: 'call_web1', type: 'web_browser', web_browser: { url: 'https://example.com' } }] },
    },
    {
      id: 'step_sparse4',
      object: 'thread.run.step',
      created_at: T0 + 125,
      thread_id: SPARSE_THREAD,
      run_id: SPARSE_RUN_V1,
      type: 'message_creation',
      status: 'completed',
      step_details: { type: 'message_creation', message_creation: { message_id: 'msg_sparse2' } },
    },
  ],
};

const messages: Array<Record<string, unknown>> = [
  { id: 'msg_sparse3', object: 'thread.message', created_at: T0 + 127, thread_id: SPARSE_THREAD, role: 'assistant', content: [{ type: 'audio', audio: { format: 'wav' } }] },
  {
    id: 'msg_sparse2',
    object: 'thread.message',
    created_at: T0 + 126,
    thread_id: SPARSE_THREAD,
    role: 'assistant',
    run_id: SPARSE_RUN_V1,
    content: [{ type: 'text', text: { value: 'Refunds take 5 days.' } }],
    file_ids: [],
  },
  { id: 'msg_sparse1', object: 'thread.message', created_at: T0 + 1, thread_id: SPARSE_THREAD, role: 'user', content: [{ type: 'text', text: { value: 'How long do refunds take?', annotations: [] } }], file_ids: ['file-sparse1'] },
];

const thread = { id: SPARSE_THREAD, object: 'thread', created_at: T0 };
const assistant = { id: 'asst_sparse', object: 'assistant', created_at: T0, model: 'gpt-4-1106-preview' };
const file = { id: 'file-sparse1', object: 'file', created_at: T0, filename: 'policy.pdf', purpose: 'assistants' };

/** Lists as some facades send them: no first_id/last_id, only `has_more`. */
const list = (data: unknown[]) => ({ object: 'list', data, has_more: false });

function route(path: string): unknown {
  const parts = path.replace(/^\/v1/, '').split('/').filter(Boolean);
  const [a, t, b, r, c, s] = parts;
  if (a === 'assistants') return t ? (t === assistant.id ? assistant : null) : list([assistant]);
  if (a === 'files' && t === file.id && parts.length === 2) return file;
  if (a !== 'threads' || t !== SPARSE_THREAD) return null;
  if (!b) return thread;
  if (b === 'messages') return r ? (messages.find((m) => m.id === r) ?? null) : list(messages);
  if (b !== 'runs') return null;
  if (!r) return list(Object.values(runs).sort((x, y) => Number(y.created_at) - Number(x.created_at)));
  const run = runs[r];
  if (!run) return null;
  if (!c) return run;
  if (c === 'steps') return s ? (steps[r]?.find((x) => x.id === s) ?? null) : list(steps[r] ?? []);
  return null;
}

export async function startSparseUpstream(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}`);
    const body = req.method === 'GET' ? route(url.pathname) : null;
    const status = body ? 200 : req.method === 'GET' ? 404 : 405;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: { message: `No such object: ${url.pathname}`, type: 'invalid_request_error', param: null, code: null } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
