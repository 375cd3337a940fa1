/** Finding objects named in the path (404s in the API's words) and bringing runs up to date. */
import { advanceRun } from '../engine/apply';
import { notFound } from '../errors';
import type { Call } from '../state';
import type { AssistantRec, MessageRec, RunRec, ThreadRec } from '../store';
import { addHandMessage } from '../engine/messages';
import type { CreateMessageBody } from '../../contract';

export function param(call: Call, name: string): string {
  return call.params[name] ?? '';
}

export function findAssistant(call: Call, id: string): AssistantRec {
  const rec = call.state.ctx.store.assistants.get(id);
  if (!rec) throw notFound('assistant', id);
  return rec;
}

/** The thread, with its latest run brought up to `now` (so its messages/steps are current). */
export function findThread(call: Call): ThreadRec {
  const id = param(call, 'thread_id');
  const thread = call.state.ctx.store.threads.get(id);
  if (!thread) throw notFound('thread', id);
  if (thread.latestRun) advanceRun(call.state.ctx.store, thread.latestRun, call.now);
  return thread;
}

/** A run of this thread (a run looked up under another thread is a 404, as in the API). */
export function findRun(call: Call, thread: ThreadRec): RunRec {
  const id = param(call, 'run_id');
  const run = call.state.ctx.store.runs.get(id);
  if (!run || run.wire.thread_id !== thread.id) throw notFound('run', id);
  advanceRun(call.state.ctx.store, run, call.now);
  return run;
}

export function findMessage(call: Call, thread: ThreadRec): MessageRec {
  const id = param(call, 'message_id');
  const msg = call.state.ctx.store.messages.get(id);
  if (!msg || msg.wire.thread_id !== thread.id) throw notFound('message', id);
  return msg;
}

/** A message written by hand (create message, thread.messages, additional_messages). */
export function handMessage(call: Call, thread: ThreadRec, body: CreateMessageBody): MessageRec {
  return addHandMessage(call.state.ctx, thread, body, call.now);
}
