import 'server-only';
import type { Caller } from './access';
import { log } from './log';

// The single place that sees every mutation that went through the proxy (create run, cancel, submit tool outputs,
// modify run, …), whatever its outcome. Today it writes one structured log line; later it can append to an audit
// table. Bodies are not recorded (they may hold customer data); ids in the path are.

export type MutationRecord = {
  caller: Caller;
  endpoint: { id: string; method: string; path: string };
  params: Record<string, string>;
  status: number;
  requestId: string;
  upstreamRequestId?: string | null;
  connectionId: string;
  at: Date;
};

export function recordMutation(record: MutationRecord): void {
  log('info', 'proxy.mutation', {
    caller: record.caller.id,
    callerAddress: record.caller.address,
    endpoint: record.endpoint.id,
    method: record.endpoint.method,
    route: record.endpoint.path,
    params: record.params,
    status: record.status,
    requestId: record.requestId,
    upstreamRequestId: record.upstreamRequestId ?? null,
    connection: record.connectionId,
    at: record.at.toISOString(),
  });
}

// ---- TEMPORARY (W4, until the audit log from i8-store is merged; replaced by it) ----
export type SecurityAction = 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.sign_out' | 'user.invited' | 'user.created'
  | 'user.role_changed' | 'user.deactivated' | 'user.reactivated' | 'token.created' | 'token.revoked'
  | 'session.revoked' | 'setting.changed' | 'password.changed';
export async function recordSecurityEvent(e: { action: SecurityAction; actor: Caller | null; outcome: 'success' | 'failure';
  subject?: { userId?: string; email?: string; tokenId?: string; sessionId?: string }; reason?: string | null;
  detail?: Record<string, unknown>; address?: string | null; userAgent?: string | null }): Promise<void> {
  log('info', 'security.event', { action: e.action, actor: e.actor?.id ?? null, outcome: e.outcome, subject: e.subject ?? null, reason: e.reason ?? null, address: e.address ?? null });
}
