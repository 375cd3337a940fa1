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
  // 0005 (issue 11): the thread index.
  customer_ref: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of strings. */
  labels: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON object (string values), as last read from the upstream. */
  metadata: ColumnType<string | null, string | null | undefined, string | null>;
  assistant_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'registered' (POST /api/index/threads) or 'seen' (NULL in rows from before 0005 means seen). */
  source: ColumnType<string | null, string | null | undefined, string | null>;
  registered_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Unix s when the upstream answered 404 for it (kept, marked). */
  gone_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Unix s when the upstream was last asked about the thread itself. */
  last_checked_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Unix ms when the watcher next reads its newest runs (watched or registered threads); NULL = never. */
  discover_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface RunsSeenTable {
  connection_id: string;
  run_id: string;
  thread_id: string;
  status: string | null;
  created_at: number | null;
  seen_at: number;
  // 0005 (issue 11): what the watcher and the inbox need.
  assistant_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The run as last read (JSON). */
  snapshot: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Unix s (upstream clock) since when the run is in its current status. */
  state_since: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 when state_since is when Runboard first saw the state (it may have started earlier). */
  state_since_lower_bound: ColumnType<number | null, number | null | undefined, number | null>;
  ended_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Unix s (upstream clock) of the last new or changed step seen. */
  steps_changed_at: ColumnType<number | null, number | null | undefined, number | null>;
  steps_signature: ColumnType<string | null, string | null | undefined, string | null>;
  steps_checked_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
  checked_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
  /** Unix ms when the watcher next reads it; NULL once terminal. */
  next_check_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface IndexTermsTable {
  connection_id: string;
  term: string;
  thread_id: string;
  kind: string;
}

export interface ThreadWatchesTable {
  connection_id: string;
  thread_id: string;
  user_id: string;
  created_at_ms: number;
}

export interface WatcherStateTable {
  connection_id: string;
  state: string;
  last_request_at_ms: number | null;
  retry_at_ms: number | null;
  failures: ColumnType<number, number | undefined, number>;
  last_cycle_at_ms: number | null;
  clock_offset_ms: number | null;
}

export interface RunClaimsTable {
  connection_id: string;
  run_id: string;
  thread_id: string;
  user_id: string;
  user_name: string;
  claimed_at_ms: number;
  expires_at_ms: number;
}

export interface NotesTable {
  id: string;
  connection_id: string;
  thread_id: string;
  run_id: string | null;
  body: string;
  author_id: string;
  author_name: string;
  created_at_ms: number;
  edited_at_ms: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at_ms: number;
  updated_by: string | null;
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
  index_terms: IndexTermsTable;
  thread_watches: ThreadWatchesTable;
  watcher_state: WatcherStateTable;
  run_claims: RunClaimsTable;
  notes: NotesTable;
  settings: SettingsTable;
}

// Re-exported so table owners can describe generated/defaulted columns without importing kysely themselves.
export type { ColumnType, Generated };
