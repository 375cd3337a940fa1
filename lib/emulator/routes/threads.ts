/** Threads and their messages. */
import { CreateMessageBody, CreateThreadBody, ModifyThreadBody } from '../../contract';
import { activeRun } from '../engine/actions';
import { EmulatorError, badRequest } from '../errors';
import { paginate, SortedList } from '../paginate';
import type { Call } from '../state';
import type { MessageRec, ThreadRec } from '../store';
import type { ToolResources } from '../wire';
import { findMessage, findThread, handMessage } from './lookup';
import { parseBody, parseListQuery } from './input';
import type { Route } from './router';

export function toolResources(input: CreateThreadBody['tool_resources']): ToolResources {
  const out: ToolResources = {};
  if (input?.code_interpreter) out.code_interpreter = { file_ids: input.code_interpreter.file_ids ?? [] };
  if (input?.file_search) out.file_search = { vector_store_ids: input.file_search.vector_store_ids ?? [] };
  return out;
}

/** POST /threads and the `thread` of POST /threads/runs. */
export function createThread(call: Call, body: CreateThreadBody): ThreadRec {
  const { store, ids } = call.state.ctx;
  const thread = store.addThread({
    id: ids.make('thread_'),
    object: 'thread',
    created_at: call.now,
    tool_resources: toolResources(body.tool_resources),
    metadata: body.metadata ?? {},
  });
  for (const message of body.messages ?? []) handMessage(call, thread, message);
  return thread;
}

function listMessages(call: Call) {
  const thread = findThread(call);
  const query = parseListQuery(call.query);
  const { store } = call.state.ctx;
  const runId = call.query.get('run_id');
  let list: SortedList<MessageRec> = thread.messages;
  if (runId) {
    const run = store.runs.get(runId);
    // An unknown run simply matches no messages.
    list = run && run.wire.thread_id === thread.id ? run.messages : new SortedList<MessageRec>();
  }
  const page = paginate(list, query, (id) => {
    const msg = store.messages.get(id);
    return msg && msg.wire.thread_id === thread.id ? msg : undefined;
  });
  return { body: { ...page, data: page.data.map((m) => m.wire) } };
}

export const threadRoutes: Route[] = [
  {
    path: '/threads',
    beta: true,
    methods: {
      POST: (call) => ({ body: createThread(call, parseBody(CreateThreadBody, call.body)).wire }),
      // The API has no list-threads for API keys (§1.4, §14.1 of the digest).
      GET: () => {
        throw new EmulatorError(
          401,
          'You have insufficient permissions for this operation. Missing scopes: api.threads.read. Listing threads requires a session key.',
          'invalid_request_error',
          null,
          'missing_scope',
        );
      },
    },
  },
  {
    path: '/threads/{thread_id}',
    beta: true,
    methods: {
      GET: (call) => ({ body: findThread(call).wire }),
      POST: (call) => {
        const thread = findThread(call);
        const body = parseBody(ModifyThreadBody, call.body);
        if (body.metadata !== undefined) thread.wire.metadata = body.metadata ?? {};
        if (body.tool_resources !== undefined) thread.wire.tool_resources = toolResources(body.tool_resources);
        return { body: thread.wire };
      },
      DELETE: (call) => {
        const thread = findThread(call);
        call.state.ctx.store.deleteThread(thread);
        return { body: { id: thread.id, object: 'thread.deleted', deleted: true } };
      },
    },
  },
  {
    path: '/threads/{thread_id}/messages',
    beta: true,
    methods: {
      GET: listMessages,
      POST: (call) => {
        const thread = findThread(call);
        const body = parseBody(CreateMessageBody, call.body);
        const active = activeRun(call.state.ctx, thread, call.now);
        if (active) throw badRequest(`Can't add messages to ${thread.id} while a run ${active.id} is active.`);
        return { body: handMessage(call, thread, body).wire };
      },
    },
  },
  {
    path: '/threads/{thread_id}/messages/{message_id}',
    beta: true,
    methods: { GET: (call) => ({ body: findMessage(call, findThread(call)).wire }) },
  },
];
