import 'server-only';
import { forgetThread, recordRunsSeen, recordThreadSeen, type Db, type RunSighting } from './threads-seen';

// Turns a successful proxied JSON answer into sightings of threads and runs. Reads bodies structurally (they were
// already validated by the proxy against the contract) and ignores anything it does not recognise.

export type ProxiedAnswer = {
  connectionId: string;
  endpointId: string;
  params: Record<string, string>;
  status: number;
  body: unknown;
  /** Query of the request, when the caller has it (decides whether a message page holds the first message). */
  query?: Record<string, string | undefined>;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const TITLE_KEYS = ['title', 'name', 'subject', 'topic'];

/** A human title from thread metadata, if it has one. */
export function metadataTitle(metadata: unknown): string | null {
  if (!isObj(metadata)) return null;
  for (const key of TITLE_KEYS) {
    const value = str(metadata[key]);
    if (value) return value;
  }
  return null;
}

function runSighting(run: unknown): RunSighting | null {
  if (!isObj(run) || run.object !== 'thread.run') return null;
  const runId = str(run.id);
  const threadId = str(run.thread_id);
  if (!runId || !threadId) return null;
  return { runId, threadId, status: str(run.status), createdAt: num(run.created_at) };
}

function firstUserText(message: Obj): string | null {
  if (message.role !== 'user' || !Array.isArray(message.content)) return null;
  for (const part of message.content) {
    if (isObj(part) && part.type === 'text' && isObj(part.text)) {
      const value = str(part.text.value);
      if (value) return value;
    }
  }
  return null;
}

export async function recordProxiedAnswer(db: Db, answer: ProxiedAnswer): Promise<void> {
  const { connectionId, body } = answer;
  const threadParam = answer.params.thread_id ?? null;
  // The upstream says the thread is gone (deleted, or another project's): stop offering it on the home page.
  if (answer.status === 404 && answer.endpointId === 'getThread' && threadParam) {
    await forgetThread(db, connectionId, threadParam);
    return;
  }
  if (answer.status < 200 || answer.status >= 300) return;

  if (isObj(body) && body.object === 'thread') {
    const threadId = str(body.id);
    if (!threadId) return;
    const title = metadataTitle(body.metadata);
    await recordThreadSeen(db, { connectionId, threadId, createdAt: num(body.created_at), title: title ? { text: title, source: 'metadata' } : null });
    return;
  }

  const single = runSighting(body);
  if (single) {
    await recordRunsSeen(db, connectionId, [single]);
    return;
  }

  if (isObj(body) && body.object === 'list' && Array.isArray(body.data)) {
    const runs = body.data.map(runSighting).filter((r): r is RunSighting => r !== null);
    if (runs.length > 0) {
      await recordRunsSeen(db, connectionId, runs);
      return;
    }
    if (answer.endpointId === 'listMessages' && threadParam) {
      // Only a page that contains the thread's oldest message can name it by its first question.
      const order = answer.query?.order ?? 'desc';
      const holdsOldest = order === 'desc' ? body.has_more === false && !answer.query?.before : !answer.query?.after;
      let title: string | null = null;
      if (holdsOldest && !answer.query?.run_id) {
        const messages = body.data.filter(isObj).sort((a, b) => (num(a.created_at) ?? 0) - (num(b.created_at) ?? 0));
        const first = messages[0];
        title = first ? firstUserText(first) : null;
      }
      await recordThreadSeen(db, { connectionId, threadId: threadParam, title: title ? { text: title, source: 'message' } : null });
      return;
    }
  }

  // Anything else under a thread (a message, a step) still says the thread is in use.
  if (threadParam) await recordThreadSeen(db, { connectionId, threadId: threadParam });
}
