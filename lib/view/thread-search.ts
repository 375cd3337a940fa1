// What the home page's search box understands. Support engineers paste whatever the ticket holds: a bare id, a
// Runboard or platform URL, a log line, or a JSON object. We pull thread/run ids out of it and decide where to go.

// Ids come in any shape: OpenAI's `thread_` + 24 letters, a facade's nanoid whose body may start with `_` or `-`
// (`thread__x…`, `run_-x…`), UUIDs, or none of these. OpenAI's prefixes guide where an id goes; they never refuse one.
const ID_CHARS = '[A-Za-z0-9_-]';
// A prefixed id in free text; the look-behind stops "my_thread_x" or "xrun_..." from matching mid-word. The body is
// taken whole (no upper bound) so an over-long id is refused, never silently cut at 128.
const PREFIXED_RE = new RegExp(`(?<!${ID_CHARS})(thread|run)_(${ID_CHARS}{3,})`, 'g');
/** The contract's ID rule (lib/contract/kinds ID_PATTERN): ids are at most this long, in the box as on every page. */
export const MAX_ID_LENGTH = 128;
// Ids in a Runboard or platform URL path, whatever their shape.
const URL_RE = new RegExp(`/threads/(${ID_CHARS}{1,128})(?:/runs/(${ID_CHARS}{1,128}))?`, 'g');
// "thread_id": "…" or run_id=… in logs and JSON fragments.
const FIELD_RE = new RegExp(`(?<!${ID_CHARS})(thread|run)_id["']?\\s*[:=]\\s*["']?(${ID_CHARS}{3,128})`, 'g');
const WHOLE_ID = new RegExp(`^${ID_CHARS}{1,128}$`);
// Field names that look like ids ("thread_id": ..., run_ids) are not ids.
const NOT_IDS = new Set(['id', 'ids', 'id_', 'status', 'step', 'steps', 'created', 'object', 'messages', 'runs']);

export type ExtractedIds = { threadIds: string[]; runIds: string[] };

type Obj = Record<string, unknown>;
const idValue = (v: unknown) => (typeof v === 'string' && WHOLE_ID.test(v) ? v : null);

/** Top-level ids of a pasted JSON object (a run, a thread, or anything with thread_id / run_id). */
function idsFromJson(text: string, add: (kind: 'thread' | 'run', id: string | null) => void): void {
  if (!text.startsWith('{')) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const obj = value as Obj;
  if (obj.object === 'thread') add('thread', idValue(obj.id));
  if (obj.object === 'thread.run') add('run', idValue(obj.id));
  add('thread', idValue(obj.thread_id));
  add('run', idValue(obj.run_id));
}

/** Every distinct thread and run id in the text: URLs and JSON first, then prefixed ids in order of appearance. */
export function extractIds(text: string): ExtractedIds {
  const threadIds: string[] = [];
  const runIds: string[] = [];
  const add = (kind: 'thread' | 'run', id: string | null | undefined) => {
    if (!id) return;
    const list = kind === 'thread' ? threadIds : runIds;
    if (!list.includes(id)) list.push(id);
  };
  for (const [, thread, run] of text.matchAll(URL_RE)) {
    add('thread', thread);
    add('run', run);
  }
  idsFromJson(text.trim(), add);
  for (const [, kind, id] of text.matchAll(FIELD_RE)) add(kind as 'thread' | 'run', id);
  for (const [, kind, body] of text.matchAll(PREFIXED_RE)) {
    if (!kind || !body || NOT_IDS.has(body.toLowerCase())) continue;
    add(kind as 'thread' | 'run', `${kind}_${body}`);
  }
  return { threadIds, runIds };
}

export type SearchTarget =
  /** Both ids known (a run URL, or a run object's JSON): open the run directly. */
  | { kind: 'run'; runId: string; threadId: string }
  /** Only a run id: the thread must be looked up among threads Runboard has seen. */
  | { kind: 'run-lookup'; runId: string }
  | { kind: 'thread'; threadId: string }
  /** `suggestion`: the id the text most likely meant (a pasted id broken by a space or line break), offered, not opened. */
  | { kind: 'none'; reason: string; suggestion?: string };

/**
 * Decides where the search goes. A run id with exactly one thread id (run JSON, run URL) opens the run; a thread id
 * alone opens the thread; a run id alone needs a lookup. `others` counts ids that were ignored so the UI can say so.
 */
export function resolveSearch(text: string): { target: SearchTarget; others: number } {
  const trimmed = text.trim();
  if (!trimmed) return { target: { kind: 'none', reason: 'Paste a thread id, a run id, a URL or JSON that contains one.' }, others: 0 };
  const broken = brokenId(trimmed);
  if (broken) {
    return {
      target: { kind: 'none', reason: `That id is split by a space or line break, so only “${broken.first}” would be opened. Remove the break and open it again.`, suggestion: broken.joined },
      others: 0,
    };
  }
  const { threadIds, runIds } = extractIds(trimmed);
  const tooLong = [...threadIds, ...runIds].find((id) => id.length > MAX_ID_LENGTH);
  if (tooLong) {
    return {
      target: {
        kind: 'none',
        reason: `${tooLong.slice(0, 12)}… is ${tooLong.length} characters; ids are at most ${MAX_ID_LENGTH} (letters, digits, _ and -). Check that it was copied whole and nothing was stuck to it.`,
      },
      others: 0,
    };
  }
  const firstRun = runIds[0];
  const firstThread = threadIds[0];
  const total = threadIds.length + runIds.length;
  if (firstRun && firstThread) return { target: { kind: 'run', runId: firstRun, threadId: firstThread }, others: total - 2 };
  if (firstThread) return { target: { kind: 'thread', threadId: firstThread }, others: total - 1 };
  if (firstRun) return { target: { kind: 'run-lookup', runId: firstRun }, others: total - 1 };
  // One id-shaped word with no prefix Runboard knows (a UUID, a gateway's own id): open it rather than refuse it.
  if (WHOLE_ID.test(trimmed)) {
    return { target: trimmed.startsWith('run_') ? { kind: 'run-lookup', runId: trimmed } : { kind: 'thread', threadId: trimmed }, others: 0 };
  }
  return {
    target: { kind: 'none', reason: 'No thread id or run id found in that text. Paste an id (any format), a URL or JSON that contains one.' },
    others: 0,
  };
}

/**
 * A prefixed id broken by whitespace ("thread_abc12⏎3XyZ", as ticket systems wrap long words): the text is only id
 * characters and spaces, the first word carries the prefix and the rest look like id fragments (a digit or capital,
 * unlike "thread_abc is stuck"). Returns the first part and the joined id.
 */
function brokenId(text: string): { first: string; joined: string } | null {
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  const [first, ...rest] = words as [string, ...string[]];
  if (!new RegExp(`^(thread|run)_${ID_CHARS}+$`).test(first)) return null;
  if (!rest.every((w) => WHOLE_ID.test(w) && !/^(thread|run)_/.test(w) && /[0-9A-Z]/.test(w))) return null;
  const joined = words.join('');
  return joined.length <= MAX_ID_LENGTH ? { first, joined } : null;
}

