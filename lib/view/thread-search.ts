// What the home page's search box understands. Support engineers paste whatever the ticket holds: a bare id, a
// Runboard or platform URL, a log line, or a JSON object. We pull thread/run ids out of it and decide where to go.

// An id is a prefix plus an id body; the look-behind stops "my_thread_x" or "xrun_..." from matching mid-word.
const ID_RE = /(?<![A-Za-z0-9_-])(thread|run)_([A-Za-z0-9][A-Za-z0-9_-]{2,127})/g;
// Field names that look like ids ("thread_id": ..., run_ids) are not ids.
const NOT_IDS = new Set(['id', 'ids', 'id_', 'status', 'step', 'steps', 'created', 'object', 'messages', 'runs']);

export type ExtractedIds = { threadIds: string[]; runIds: string[] };

/** Every distinct thread_ / run_ id in the text, in order of appearance. */
export function extractIds(text: string): ExtractedIds {
  const threadIds: string[] = [];
  const runIds: string[] = [];
  for (const match of text.matchAll(ID_RE)) {
    const [, kind, body] = match;
    if (!kind || !body || NOT_IDS.has(body.toLowerCase())) continue;
    const id = `${kind}_${body}`;
    const list = kind === 'thread' ? threadIds : runIds;
    if (!list.includes(id)) list.push(id);
  }
  return { threadIds, runIds };
}

export type SearchTarget =
  /** Both ids known (a run URL, or a run object's JSON): open the run directly. */
  | { kind: 'run'; runId: string; threadId: string }
  /** Only a run id: the thread must be looked up among threads Runboard has seen. */
  | { kind: 'run-lookup'; runId: string }
  | { kind: 'thread'; threadId: string }
  | { kind: 'none'; reason: string };

/**
 * Decides where the search goes. A run id with exactly one thread id (run JSON, run URL) opens the run; a thread id
 * alone opens the thread; a run id alone needs a lookup. `others` counts ids that were ignored so the UI can say so.
 */
export function resolveSearch(text: string): { target: SearchTarget; others: number } {
  const trimmed = text.trim();
  if (!trimmed) return { target: { kind: 'none', reason: 'Paste a thread id, a run id, a URL or JSON that contains one.' }, others: 0 };
  const { threadIds, runIds } = extractIds(trimmed);
  const firstRun = runIds[0];
  const firstThread = threadIds[0];
  const total = threadIds.length + runIds.length;
  if (firstRun && firstThread) return { target: { kind: 'run', runId: firstRun, threadId: firstThread }, others: total - 2 };
  if (firstThread) return { target: { kind: 'thread', threadId: firstThread }, others: total - 1 };
  if (firstRun) return { target: { kind: 'run-lookup', runId: firstRun }, others: total - 1 };
  return {
    target: { kind: 'none', reason: 'No thread id (thread_…) or run id (run_…) found in that text.' },
    others: 0,
  };
}

export function threadHref(threadId: string): string {
  return `/threads/${encodeURIComponent(threadId)}`;
}

export function runHref(threadId: string, runId: string): string {
  return `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}`;
}
