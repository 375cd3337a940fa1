import 'server-only';
import { applyRunObjects, type ChangedRun } from './index-runs';
import { applyThreadRead, markThreadGone, refreshTerms } from './index-threads';
import { recordThreadSeen, type Db } from './threads-seen';
import { metadataTitle } from '@/lib/view/thread-title';

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
  /** Unix s on the upstream's clock when the answer came (since when a run is in its state); defaults to ours. */
  upstreamNow?: number;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const isRun = (run: unknown): run is Obj => isObj(run) && run.object === 'thread.run' && !!str(run.id) && !!str(run.thread_id);

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

/** Records what the answer shows; returns the runs that are new or changed status (the inbox may follow). */
export async function recordProxiedAnswer(db: Db, answer: ProxiedAnswer): Promise<ChangedRun[]> {
  const { connectionId, body } = answer;
  const threadParam = answer.params.thread_id ?? null;
  // The upstream says the thread is gone (deleted, or another project's): marked gone (home stops offering it),
  // never dropped from the index.
  if (answer.status === 404 && answer.endpointId === 'getThread' && threadParam) {
    await markThreadGone(db, connectionId, threadParam);
    return [];
  }
  const now = answer.upstreamNow ?? Math.floor(Date.now() / 1000);
  if (answer.status < 200 || answer.status >= 300) return [];

  if (isObj(body) && body.object === 'thread') {
    const threadId = str(body.id);
    if (!threadId) return [];
    const title = metadataTitle(body.metadata);
    await applyThreadRead(db, connectionId, body, title, Math.floor(Date.now() / 1000));
    return [];
  }

  if (isRun(body)) return applyRunObjects(db, connectionId, [body], now);

  if (isObj(body) && body.object === 'list' && Array.isArray(body.data)) {
    const runs = body.data.filter(isRun);
    if (runs.length > 0) return applyRunObjects(db, connectionId, runs, now);
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
      if (title) await refreshTerms(db, connectionId, threadParam);
      return [];
    }
  }

  // Anything else under a thread (a message, a step) still says the thread is in use.
  if (threadParam) await recordThreadSeen(db, { connectionId, threadId: threadParam });
  return [];
}
