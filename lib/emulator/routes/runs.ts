/** Runs: create (+ with a new thread), list, retrieve, modify, submit tool outputs, cancel. */
import {
  CreateRunBody,
  CreateThreadAndRunBody,
  ModifyRunBody,
  SubmitToolOutputsBody,
  isActiveRunStatus,
  isTerminalRunStatus,
} from '../../contract';
import { advanceRun } from '../engine/apply';
import { assertNoActiveRun, assertToolOutputs, cancelRun, createRun, submitToolOutputs } from '../engine/actions';
import { settingsFrom, type RunOptionsBody } from '../engine/settings';
import { paginate } from '../paginate';
import { streamRun } from '../sse';
import type { Call, Reply } from '../state';
import type { AssistantRec, RunRec, ThreadRec } from '../store';
import { findAssistant, findRun, findThread, handMessage } from './lookup';
import { parseBody, parseInclude, parseListQuery } from './input';
import type { Route } from './router';
import { createThread } from './threads';

/** Either streams the new run or returns it (after applying what is due now: `queued`). */
function startRun(call: Call, thread: ThreadRec, assistant: AssistantRec, body: RunOptionsBody, prelude: Array<[string, unknown]>): Reply | 'streamed' {
  const includeContent = parseInclude(call.query);
  const { ctx } = call.state;
  const run = createRun(ctx, thread, assistant, settingsFrom(body, assistant), call.now, { streamed: body.stream === true });
  if (body.stream) {
    return streamRun(call, run, { includeContent, prelude, start: (l) => l.send('thread.run.created', run.wire) });
  }
  advanceRun(ctx.store, run, call.now);
  return { body: run.wire };
}

/**
 * The sparse facade's cancel: it never checks the status, so a finished run becomes `cancelled` and keeps its
 * `completed_at` (or `failed_at`); an active one is cancelled as the API would.
 */
function acceptAnyCancel(call: Call, run: RunRec): void {
  advanceRun(call.state.ctx.store, run, call.now);
  if (!isTerminalRunStatus(run.wire.status)) {
    cancelRun(call.state.ctx, run, call.now);
    return;
  }
  run.pending = [];
  run.wire.status = 'cancelled';
  run.wire.cancelled_at = call.now;
}

/** `openai-poll-after-ms` tells the SDK's poll helper how long to wait (§1.2). */
function runReply(call: Call, run: RunRec): Reply {
  const headers: Record<string, string> = {};
  if (isActiveRunStatus(run.wire.status)) headers['openai-poll-after-ms'] = String(call.state.pollAfterMs);
  return { body: run.wire, headers };
}

export const runRoutes: Route[] = [
  {
    path: '/threads/runs',
    beta: true,
    methods: {
      POST: (call) => {
        const body = parseBody(CreateThreadAndRunBody, call.body);
        const assistant = findAssistant(call, body.assistant_id);
        const thread = createThread(call, body.thread ?? {});
        if (body.tool_resources && Object.keys(thread.wire.tool_resources ?? {}).length === 0) {
          thread.wire.tool_resources = {
            ...(body.tool_resources.code_interpreter ? { code_interpreter: { file_ids: body.tool_resources.code_interpreter.file_ids ?? [] } } : {}),
            ...(body.tool_resources.file_search ? { file_search: { vector_store_ids: body.tool_resources.file_search.vector_store_ids ?? [] } } : {}),
          };
        }
        return startRun(call, thread, assistant, body, [['thread.created', thread.wire]]);
      },
    },
  },
  {
    path: '/threads/{thread_id}/runs',
    beta: true,
    methods: {
      GET: (call) => {
        const thread = findThread(call);
        const { store } = call.state.ctx;
        const page = paginate(thread.runs, parseListQuery(call.query), (id) => store.runs.get(id));
        // Only the page's runs are brought up to date: O(page), not O(thread).
        for (const run of page.data) advanceRun(store, run, call.now);
        return { body: { ...page, data: page.data.map((r) => r.wire) } };
      },
      POST: (call) => {
        const thread = findThread(call);
        parseInclude(call.query);
        const body = parseBody(CreateRunBody, call.body);
        const assistant = findAssistant(call, body.assistant_id);
        // A facade that does not keep the one-active-run rule lets runs pile up on a thread.
        if (call.state.profile !== 'sparse') assertNoActiveRun(call.state.ctx, thread, call.now);
        for (const message of body.additional_messages ?? []) handMessage(call, thread, message);
        return startRun(call, thread, assistant, body, []);
      },
    },
  },
  {
    path: '/threads/{thread_id}/runs/{run_id}',
    beta: true,
    methods: {
      GET: (call) => runReply(call, findRun(call, findThread(call))),
      POST: (call) => {
        const run = findRun(call, findThread(call));
        const body = parseBody(ModifyRunBody, call.body);
        if (body.metadata !== undefined) run.wire.metadata = body.metadata ?? {};
        return { body: run.wire };
      },
    },
  },
  {
    path: '/threads/{thread_id}/runs/{run_id}/submit_tool_outputs',
    beta: true,
    methods: {
      POST: (call) => {
        const run = findRun(call, findThread(call));
        const body = parseBody(SubmitToolOutputsBody, call.body);
        const { ctx } = call.state;
        if (body.stream) {
          assertToolOutputs(run, body.tool_outputs); // a 400 must come before the stream opens
          return streamRun(call, run, {
            includeContent: false,
            start: () => submitToolOutputs(ctx, run, body.tool_outputs, call.now, true),
          });
        }
        submitToolOutputs(ctx, run, body.tool_outputs, call.now, false);
        return { body: run.wire };
      },
    },
  },
  {
    path: '/threads/{thread_id}/runs/{run_id}/cancel',
    beta: true,
    methods: {
      POST: (call) => {
        const run = findRun(call, findThread(call));
        if (call.state.profile === 'sparse') acceptAnyCancel(call, run);
        else cancelRun(call.state.ctx, run, call.now);
        return { body: run.wire };
      },
    },
  },
];
