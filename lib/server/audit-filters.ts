import 'server-only';
import { z } from 'zod';
import { ID_PATTERN as ID } from '@/lib/contract/kinds';
import { decodeCursor, type AuditCursor, type AuditFilter } from '@/lib/store/audit-log';

// Query parameters of GET /api/audit and /api/audit/export: the same filters for the page and its export.
// Times are unix milliseconds or ISO 8601 with a time zone (the page converts the viewer's local time).

const ACTION = /^[a-z_]+\.[a-z_]+$/;

const instant = z
  .string()
  .trim()
  .refine((v) => /^\d{1,16}$/.test(v) || (/(Z|[+-]\d\d:?\d\d)$/i.test(v) && !Number.isNaN(Date.parse(v))), 'must be unix milliseconds or an ISO 8601 time with a time zone')
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v)));

const AuditQuery = z.object({
  actor: z.string().trim().min(1).max(320).optional(),
  action: z.array(z.string().regex(ACTION, 'must look like run.cancel')).max(30).optional(),
  category: z.enum(['mutation', 'security']).optional(),
  thread_id: z.string().regex(ID, 'must be a thread id').optional(),
  run_id: z.string().regex(ID, 'must be a run id').optional(),
  outcome: z.enum(['success', 'failure', 'unknown']).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(200)).optional(),
  cursor: z.string().max(200).optional(),
});

export type ParsedAuditQuery = { filter: AuditFilter; limit: number; after: AuditCursor | null };

/** Parses the filters; a bad one gives the message and the parameter to name in the 400. */
export function parseAuditQuery(params: URLSearchParams): { ok: true; value: ParsedAuditQuery } | { ok: false; message: string; param: string } {
  const raw: Record<string, unknown> = {};
  for (const key of ['actor', 'category', 'thread_id', 'run_id', 'outcome', 'from', 'to', 'limit', 'cursor']) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') raw[key] = value;
  }
  const actions = [...params.getAll('action'), ...params.getAll('action[]')].flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (actions.length > 0) raw.action = actions;
  const parsed = AuditQuery.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = String(issue.path[0] ?? 'query');
    return { ok: false, param, message: `Invalid '${param}': ${issue.message}.` };
  }
  const q = parsed.data;
  if (q.from !== undefined && q.to !== undefined && q.from >= q.to) return { ok: false, param: 'to', message: "Invalid 'to': must be later than 'from'." };
  let after: AuditCursor | null = null;
  if (q.cursor) {
    after = decodeCursor(q.cursor);
    if (!after) return { ok: false, param: 'cursor', message: "Invalid 'cursor': use the next_cursor of a previous page." };
  }
  return {
    ok: true,
    value: {
      filter: { actor: q.actor, action: q.action, category: q.category, threadId: q.thread_id, runId: q.run_id, outcome: q.outcome, fromMs: q.from, toMs: q.to },
      limit: q.limit ?? 50,
      after,
    },
  };
}
