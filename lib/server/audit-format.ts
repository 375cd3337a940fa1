import 'server-only';
import type { AuditRow } from '@/lib/store/audit-log';

// How an audit record leaves the server: JSON for the page and JSON Lines export, one CSV row for the CSV export.

export type AuditRecordDto = {
  id: string;
  at: number;
  category: 'mutation' | 'security';
  action: string;
  actor: { kind: string; id: string | null; name: string | null; email: string | null; role: string | null; token_id: string | null } | null;
  connection_id: string | null;
  thread_id: string | null;
  run_id: string | null;
  step_id: string | null;
  reason: string | null;
  /** 'unknown' when the intent was written but the answer never recorded (e.g. the server stopped). */
  outcome: 'success' | 'failure' | 'unknown';
  status: number | null;
  request_id: string | null;
  upstream_request_id: string | null;
  address: string | null;
  user_agent: string | null;
  subject: Record<string, unknown> | null;
  detail: Record<string, unknown> | null;
};

const parseJson = (text: string | null): Record<string, unknown> | null => {
  if (!text) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
};

export function toAuditDto(row: AuditRow): AuditRecordDto {
  return {
    id: row.id,
    at: row.at_ms,
    category: row.category,
    action: row.action,
    actor: row.actor_kind
      ? { kind: row.actor_kind, id: row.actor_id, name: row.actor_name, email: row.actor_email, role: row.actor_role, token_id: row.actor_token_id }
      : null,
    connection_id: row.connection_id,
    thread_id: row.thread_id,
    run_id: row.run_id,
    step_id: row.step_id,
    reason: row.reason,
    outcome: row.outcome === 'success' || row.outcome === 'failure' ? row.outcome : 'unknown',
    status: row.outcome_status,
    request_id: row.request_id,
    upstream_request_id: row.upstream_request_id,
    address: row.address,
    user_agent: row.user_agent,
    subject: parseJson(row.subject),
    detail: parseJson(row.detail),
  };
}

export const CSV_COLUMNS = [
  'time', 'category', 'action', 'actor_kind', 'actor_id', 'actor_name', 'actor_email', 'actor_role', 'actor_token_id',
  'connection_id', 'thread_id', 'run_id', 'step_id', 'reason', 'outcome', 'status', 'request_id', 'upstream_request_id',
  'address', 'user_agent', 'subject', 'detail', 'id',
] as const;

/** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula (CSV injection). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(d: AuditRecordDto): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    time: new Date(d.at).toISOString(),
    category: d.category,
    action: d.action,
    actor_kind: d.actor?.kind,
    actor_id: d.actor?.id,
    actor_name: d.actor?.name,
    actor_email: d.actor?.email,
    actor_role: d.actor?.role,
    actor_token_id: d.actor?.token_id,
    connection_id: d.connection_id,
    thread_id: d.thread_id,
    run_id: d.run_id,
    step_id: d.step_id,
    reason: d.reason,
    outcome: d.outcome,
    status: d.status,
    request_id: d.request_id,
    upstream_request_id: d.upstream_request_id,
    address: d.address,
    user_agent: d.user_agent,
    subject: d.subject,
    detail: d.detail,
    id: d.id,
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',')}\r\n`;
}
