import 'server-only';
import { ID_PATTERN } from '@/lib/contract/kinds';
import { getStore } from '@/lib/store/db';
import { decodeCursor, encodeCursor, iterateAuditRecords, listAuditRecords, type AuditFilter } from '@/lib/store/audit-log';
import { authorize, resolveCaller, type Caller } from './access';
import { parseAuditQuery } from './audit-filters';
import { CSV_COLUMNS, csvRow, toAuditDto } from './audit-format';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from './api-error';
import { log } from './log';

// GET /api/audit (the /audit page), GET /api/audit/export (CSV or JSON Lines of the filtered set, streamed) and
// GET /api/audit/history (what was done to one run or thread, for its page). Who sees what is decided here:
// admins see everything, operators their own records, viewers only the history of runs and threads. Before sign-in
// exists every caller is anonymous (role null) and sees everything, as with every other part of Runboard today.

type Scope = { ok: true; actorId?: string; scope: 'all' | 'own' } | { ok: false; status: 401 | 403; message: string };

function auditScope(caller: Caller, need: 'read' | 'export'): Scope {
  const decision = authorize(caller, { id: need === 'export' ? 'runboard.audit.export' : 'runboard.audit', method: 'GET', mutation: false });
  if (!decision.allowed) return { ok: false, status: decision.status, message: decision.message };
  if (caller.role === null || caller.role === 'admin') return { ok: true, scope: 'all' };
  if (need === 'export') return { ok: false, status: 403, message: 'Only admins can export the audit log.' };
  if (caller.role === 'operator') return { ok: true, scope: 'own', actorId: caller.id };
  return { ok: false, status: 403, message: 'The audit log is for admins; operators see their own actions. Every run and thread page shows its own history.' };
}

async function scoped(request: Request, need: 'read' | 'export') {
  const scope = auditScope(await resolveCaller(request), need);
  if (!scope.ok) return { response: errorResponse(scope.status, scope.message, { code: scope.status === 401 ? 'unauthorized' : 'forbidden' }) };
  const query = parseAuditQuery(new URL(request.url).searchParams);
  if (!query.ok) return { response: errorResponse(400, query.message, { param: query.param }) };
  const filter: AuditFilter = { ...query.value.filter, ...(scope.actorId ? { actorId: scope.actorId } : {}) };
  return { scope: scope.scope, filter, limit: query.value.limit, after: query.value.after };
}

export async function handleAuditList(request: Request): Promise<Response> {
  try {
    const s = await scoped(request, 'read');
    if ('response' in s) return s.response!;
    const { db } = await getStore();
    const { rows, next } = await listAuditRecords(db, s.filter, { limit: s.limit, after: s.after });
    return Response.json(
      { object: 'list', data: rows.map(toAuditDto), has_more: next !== null, next_cursor: next ? encodeCursor(next) : null, scope: s.scope },
      { headers: { 'cache-control': NO_STORE } },
    );
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'audit' });
  }
}

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
} as const;

export async function handleAuditExport(request: Request): Promise<Response> {
  try {
    const format = new URL(request.url).searchParams.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'jsonl') return errorResponse(400, "Invalid 'format': must be csv or jsonl.", { param: 'format' });
    const s = await scoped(request, 'export');
    if ('response' in s) return s.response!;
    const { db } = await getStore();
    const records = iterateAuditRecords(db, s.filter);
    const encoder = new TextEncoder();
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          if (!started && format === 'csv') controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`));
          started = true;
          // A few hundred records per chunk: the set is read in batches and never held whole in memory.
          let lines = '';
          for (let i = 0; i < 200; i++) {
            const next = await records.next();
            if (next.done) {
              if (lines) controller.enqueue(encoder.encode(lines));
              controller.close();
              return;
            }
            const dto = toAuditDto(next.value);
            lines += format === 'csv' ? csvRow(dto) : `${JSON.stringify(dto)}\n`;
          }
          controller.enqueue(encoder.encode(lines));
        } catch (error) {
          log('error', 'audit.export_failed', { error });
          controller.error(error);
        }
      },
      cancel: async () => {
        await records.return(undefined);
      },
    });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
    return new Response(body, {
      headers: {
        'content-type': FORMATS[format].type,
        'content-disposition': `attachment; filename="runboard-audit-${stamp}.${FORMATS[format].ext}"`,
        'cache-control': NO_STORE,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'audit-export' });
  }
}

/** What was done to one run (run_id) or thread (thread_id): mutations only, newest first, for everyone who may read it. */
export async function handleAuditHistory(request: Request): Promise<Response> {
  try {
    const caller = await resolveCaller(request);
    const decision = authorize(caller, { id: 'runboard.audit.history', method: 'GET', mutation: false });
    if (!decision.allowed) return errorResponse(decision.status, decision.message, { code: decision.code });
    const params = new URL(request.url).searchParams;
    const threadId = params.get('thread_id') ?? '';
    const runId = params.get('run_id');
    if (!ID_PATTERN.test(threadId)) return errorResponse(400, "Invalid 'thread_id': expected a thread id.", { param: 'thread_id' });
    if (runId !== null && !ID_PATTERN.test(runId)) return errorResponse(400, "Invalid 'run_id': expected a run id.", { param: 'run_id' });
    const cursor = params.get('cursor');
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && !after) return errorResponse(400, "Invalid 'cursor': use the next_cursor of a previous page.", { param: 'cursor' });
    const limit = Number(params.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) return errorResponse(400, "Invalid 'limit': must be a whole number between 1 and 50.", { param: 'limit' });
    const { db } = await getStore();
    const filter: AuditFilter = { category: 'mutation', threadId, ...(runId ? { runId } : {}) };
    const { rows, next } = await listAuditRecords(db, filter, { limit, after });
    const data = rows.map((row) => {
      const d = toAuditDto(row);
      // The history panel names who did what; addresses and user agents stay on the admin's /audit page.
      return { id: d.id, at: d.at, action: d.action, actor: d.actor && { kind: d.actor.kind, name: d.actor.name, role: d.actor.role }, run_id: d.run_id, reason: d.reason, outcome: d.outcome, status: d.status, detail: d.detail };
    });
    return Response.json({ object: 'list', data, has_more: next !== null, next_cursor: next ? encodeCursor(next) : null }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'audit-history' });
  }
}
