import type { ColumnType, Generated } from 'kysely';

// Kysely table types for Runboard's database. Each owner adds its own tables here (threads seen and the audit log:
// store; better-auth's tables: auth; invites: people) next to the migration that creates them.
//
// Time columns are integers, never database-native timestamps, so both engines store and return the same values:
// - Runboard's own event times (the audit log, `*_at_ms`) are unix milliseconds;
// - the threads-seen tables mirror the Assistants API, whose `created_at` fields are unix seconds, and keep seconds.
// PostgreSQL keeps the millisecond columns in `bigint`; the pool parses `bigint` into a JS number (safe below 2^53).

export interface ThreadsSeenTable {
  connection_id: string;
  thread_id: string;
  title: string | null;
  title_source: string | null;
  created_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
  last_run_id: string | null;
  last_run_status: string | null;
  last_run_created_at: number | null;
}

export interface RunsSeenTable {
  connection_id: string;
  run_id: string;
  thread_id: string;
  status: string | null;
  created_at: number | null;
  seen_at: number;
}

export interface StoreMetaTable {
  key: string;
  value: string;
}

/** One audit record: a mutation through the proxy (intent, then its outcome appended) or a security event. */
export interface AuditLogTable {
  id: string;
  /** Unix ms when the record was written (for a mutation: before it was forwarded). */
  at_ms: number;
  category: 'mutation' | 'security';
  action: string;
  actor_kind: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  /** The actor's role at the time of the action (roles change later; the record must not). */
  actor_role: string | null;
  actor_token_id: string | null;
  connection_id: string | null;
  thread_id: string | null;
  run_id: string | null;
  step_id: string | null;
  reason: string | null;
  /** Runboard's request id (x-request-id of our answer). */
  request_id: string | null;
  /** 'success' | 'failure' once known; null = outcome unknown (an intent whose answer never came). */
  outcome: string | null;
  outcome_status: number | null;
  outcome_at_ms: number | null;
  upstream_request_id: string | null;
  address: string | null;
  user_agent: string | null;
  /** JSON: whom a security event was about (user, email, token, session). */
  subject: string | null;
  /** JSON: counts and metadata keys changed only — never bodies. */
  detail: string | null;
}

export interface Database {
  threads_seen: ThreadsSeenTable;
  runs_seen: RunsSeenTable;
  store_meta: StoreMetaTable;
  audit_log: AuditLogTable;
}

// Re-exported so table owners can describe generated/defaulted columns without importing kysely themselves.
export type { ColumnType, Generated };
