import 'server-only';
import { ID_PATTERN } from '@/lib/contract/kinds';
import { registerThreads, type Registration } from '@/lib/store/index-threads';
import { eventBus } from '@/lib/watch/events';
import type { Caller } from '../access';
import { errorResponse, NO_STORE } from '../api-error';
import { recordSecurityEvent } from '../audit';
import { failure, readJsonBody, routeContext } from '../inbox/shared';
import { parseCsv } from './csv';

// POST /api/index/threads (JSON, operator+) and POST /api/index/threads/csv (admin): the team's own application
// registers its threads so the watcher finds their runs without anyone opening them. Each entry is taken or refused
// with why; the body as a whole is refused (400) only when it is not a list of at most 1,000 entries.

export const MAX_REGISTRATIONS = 1000;
const MAX_REF = 200;
const MAX_LABELS = 20;
const MAX_LABEL = 64;

export type Refusal = { index: number; id: string | null; reason: string };

export function checkEntries(entries: readonly unknown[]): { accepted: Registration[]; refused: Refusal[] } {
  const accepted: Registration[] = [];
  const refused: Refusal[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return refused.push({ index, id: null, reason: 'each entry must be an object with an "id"' });
    const e = entry as Record<string, unknown>;
    const id = typeof e.id === 'string' ? e.id.trim() : null;
    if (!id) return refused.push({ index, id: null, reason: 'missing "id"' });
    if (!ID_PATTERN.test(id)) return refused.push({ index, id: id.slice(0, 128), reason: 'invalid id: 1-128 characters of A-Z, a-z, 0-9, _ and -' });
    if (seen.has(id)) return refused.push({ index, id, reason: 'duplicate of an earlier entry in this request' });
    const unknown = Object.keys(e).find((k) => !['id', 'customer_ref', 'labels'].includes(k));
    if (unknown) return refused.push({ index, id, reason: `unknown field "${unknown}" (allowed: id, customer_ref, labels)` });
    const ref = e.customer_ref;
    if (ref !== undefined && ref !== null && (typeof ref !== 'string' || ref.length > MAX_REF)) return refused.push({ index, id, reason: `"customer_ref" must be a string of at most ${MAX_REF} characters` });
    const labels = e.labels;
    if (labels !== undefined && (!Array.isArray(labels) || labels.length > MAX_LABELS || labels.some((l) => typeof l !== 'string' || l.length === 0 || l.length > MAX_LABEL))) {
      return refused.push({ index, id, reason: `"labels" must be at most ${MAX_LABELS} non-empty strings of at most ${MAX_LABEL} characters` });
    }
    seen.add(id);
    accepted.push({ id, customerRef: typeof ref === 'string' && ref.trim() ? ref.trim() : null, labels: (labels as string[] | undefined) ?? [] });
  });
  return { accepted, refused };
}

async function register(entries: readonly unknown[], caller: Caller, via: 'json' | 'csv'): Promise<Response> {
  if (entries.length > MAX_REGISTRATIONS) {
    return errorResponse(400, `At most ${MAX_REGISTRATIONS} threads per request (got ${entries.length}); send them in batches.`, { param: 'threads', code: 'too_many_threads' });
  }
  const { accepted, refused } = checkEntries(entries);
  try {
    const { connection, db } = await routeContext();
    if (accepted.length > 0) {
      await recordSecurityEvent({ action: 'index.threads_registered', actor: caller, outcome: 'success', connectionId: connection.id, detail: { threads: accepted.length, refused: refused.length, via } });
    }
    const result = accepted.length > 0 ? await registerThreads(db, connection.id, accepted) : { new: 0, known: 0 };
    if (result.new > 0) eventBus().inboxChanged([]);
    return Response.json({ new: result.new, known: result.known, refused }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'index-register');
  }
}

export async function handleRegisterThreads(request: Request, caller: Caller): Promise<Response> {
  const body = await readJsonBody(request, 2_097_152);
  if (!body.ok) return body.response;
  const value = body.value as { threads?: unknown } | undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Array.isArray(value.threads)) {
    return errorResponse(400, 'The body must be {"threads": [{"id": "thread_…", "customer_ref"?: "…", "labels"?: ["…"]}]}.', { param: 'threads', code: 'invalid_body' });
  }
  const extra = Object.keys(value).find((k) => k !== 'threads');
  if (extra) return errorResponse(400, `Unknown field '${extra}': the body has only "threads".`, { param: extra, code: 'invalid_body' });
  return register(value.threads, caller, 'json');
}

export async function handleRegisterCsv(request: Request, caller: Caller): Promise<Response> {
  const text = await request.text();
  if (text.length > 2_097_152) return errorResponse(413, 'The CSV is larger than 2 MB; send it in parts of at most 1,000 rows.', { code: 'body_too_large' });
  const parsed = parseCsv(text);
  if (!parsed.ok) return errorResponse(400, parsed.message, { code: 'invalid_csv' });
  return register(parsed.rows, caller, 'csv');
}
