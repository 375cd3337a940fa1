import 'server-only';
import { randomUUID } from 'node:crypto';
import { describeStore, getStore, storeOptionsFromEnv } from '@/lib/store/db';
import { applyAuditRetention } from '@/lib/store/audit-log';
import type { AuditLogTable } from '@/lib/store/schema';
import type { Caller } from './access';
import { getServerEnv } from './env';
import { log } from './log';

// The single place that records what people did: every mutation through the proxy and every security event
// (sign-in, users, roles, tokens, sessions, settings). A mutation's intent is written BEFORE it is forwarded — if that
// write fails, nothing is forwarded and the caller gets a 503 — and its outcome is appended when the upstream
// answers; an intent without an outcome reads as "outcome unknown". Records never hold request bodies (customer
// data): only ids, counts and the metadata keys changed. Nothing updates or deletes a record except appending the
// outcome and retention (RUNBOARD_AUDIT_RETENTION_DAYS, default 365).

export type MutationAction = 'run.create' | 'thread_and_run.create' | 'run.submit_tool_outputs' | 'run.cancel' | 'run.modify';
export type SecurityAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'user.invited'
  | 'user.created'
  | 'user.role_changed'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'token.created'
  | 'token.revoked'
  | 'session.revoked'
  | 'setting.changed'
  | 'password.changed'
  // Issue 11: the team's inbox (claims, notes, watches) and the thread index.
  | 'run.claimed'
  | 'run.released'
  | 'note.created'
  | 'note.edited'
  | 'note.deleted'
  | 'thread.watched'
  | 'thread.unwatched'
  | 'index.threads_registered';
export type AuditAction = MutationAction | SecurityAction;

export class AuditUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuditUnavailableError';
  }
}

export const MAX_REASON_LENGTH = 500;
const RETENTION_EVERY_MS = 60 * 60 * 1000;

function actorColumns(actor: Caller | null) {
  if (!actor) return { actor_kind: null, actor_id: null, actor_name: null, actor_email: null, actor_role: null, actor_token_id: null };
  return {
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    actor_email: actor.email,
    actor_role: actor.role,
    actor_token_id: actor.kind === 'token' ? actor.tokenId : null,
  };
}

const json = (value: Record<string, unknown> | undefined | null) => (value && Object.keys(value).length > 0 ? JSON.stringify(value) : null);
const clip = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

const retention = globalThis as typeof globalThis & { runboardAuditRetentionAt?: number };

/** At most once an hour per process, in the background: drop records older than the retention period. */
function maybeApplyRetention(): void {
  const now = Date.now();
  if (retention.runboardAuditRetentionAt && now - retention.runboardAuditRetentionAt < RETENTION_EVERY_MS) return;
  retention.runboardAuditRetentionAt = now;
  void getStore()
    .then(async ({ db }) => {
      const retentionDays = getServerEnv().RUNBOARD_AUDIT_RETENTION_DAYS;
      const deleted = await applyAuditRetention(db, now, retentionDays);
      if (deleted > 0) log('info', 'audit.retention', { deleted, retentionDays });
    })
    .catch((error: unknown) => log('warn', 'audit.retention_failed', { error }));
}

async function insert(row: AuditLogTable): Promise<void> {
  try {
    const { db } = await getStore();
    await db.insertInto('audit_log').values(row).execute();
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    log('error', 'audit.write_failed', { action: row.action, error });
    throw new AuditUnavailableError(
      `The audit log cannot be written (${describeStore(storeOptionsFromEnv())}: ${cause}), so Runboard does not make changes it cannot record. Try again once the database is back.`,
      { cause: error },
    );
  }
  maybeApplyRetention();
}

/** Written BEFORE forwarding; throws AuditUnavailableError if the write fails (the proxy answers 503, forwards nothing). */
export async function recordMutationIntent(i: {
  caller: Caller;
  action: MutationAction;
  connectionId: string;
  threadId?: string;
  runId?: string;
  stepId?: string;
  reason?: string | null;
  detail?: Record<string, unknown>;
  requestId: string;
}): Promise<{ id: string }> {
  const id = randomUUID();
  await insert({
    id,
    at_ms: Date.now(),
    category: 'mutation',
    action: i.action,
    ...actorColumns(i.caller),
    connection_id: i.connectionId,
    thread_id: i.threadId ?? null,
    run_id: i.runId ?? null,
    step_id: i.stepId ?? null,
    reason: clip(i.reason, MAX_REASON_LENGTH),
    request_id: i.requestId,
    outcome: null,
    outcome_status: null,
    outcome_at_ms: null,
    upstream_request_id: null,
    address: clip(i.caller.address, 100),
    user_agent: clip(i.caller.userAgent, 300),
    subject: null,
    detail: json(i.detail),
  });
  return { id };
}

/**
 * Appends the upstream's answer to an intent. The change already happened, so a failure here is logged, never
 * thrown; the record then reads "outcome unknown". A second outcome for the same intent is ignored.
 */
export async function recordMutationOutcome(id: string, o: { status: number; upstreamRequestId?: string | null; runId?: string | null; threadId?: string | null }): Promise<void> {
  try {
    const { db } = await getStore();
    await db
      .updateTable('audit_log')
      .set((eb) => ({
        outcome: o.status >= 200 && o.status < 400 ? 'success' : 'failure',
        outcome_status: o.status,
        outcome_at_ms: Date.now(),
        upstream_request_id: o.upstreamRequestId ?? null,
        // A run created by this mutation gets its ids now (they did not exist when the intent was written).
        run_id: eb.fn.coalesce('run_id', eb.val(o.runId ?? null)),
        thread_id: eb.fn.coalesce('thread_id', eb.val(o.threadId ?? null)),
      }))
      .where('id', '=', id)
      .where('category', '=', 'mutation')
      .where('outcome_status', 'is', null)
      .execute();
  } catch (error) {
    log('error', 'audit.outcome_failed', { id, status: o.status, error });
  }
}

/**
 * Records a security event. Throws AuditUnavailableError when it cannot be written: a caller making a change (role,
 * token, user) should record first and refuse the change on failure; a caller recording something that already
 * happened (a failed sign-in) may catch and log it.
 */
export async function recordSecurityEvent(e: {
  action: SecurityAction;
  actor: Caller | null;
  outcome: 'success' | 'failure';
  subject?: { userId?: string; email?: string; tokenId?: string; sessionId?: string };
  reason?: string | null;
  detail?: Record<string, unknown>;
  address?: string | null;
  userAgent?: string | null;
  /** What the event was about, for records on a thread or run (claims, notes, watches). */
  connectionId?: string | null;
  threadId?: string | null;
  runId?: string | null;
}): Promise<void> {
  const now = Date.now();
  await insert({
    id: randomUUID(),
    at_ms: now,
    category: 'security',
    action: e.action,
    ...actorColumns(e.actor),
    connection_id: e.connectionId ?? null,
    thread_id: e.threadId ?? null,
    run_id: e.runId ?? null,
    step_id: null,
    reason: clip(e.reason, MAX_REASON_LENGTH),
    request_id: null,
    outcome: e.outcome,
    outcome_status: null,
    outcome_at_ms: now,
    upstream_request_id: null,
    address: clip(e.address ?? e.actor?.address, 100),
    user_agent: clip(e.userAgent ?? e.actor?.userAgent, 300),
    subject: json(e.subject),
    detail: json(e.detail),
  });
}
