/**
 * Every schema the browser checks an answer with, in one module that apiFetch loads on first use (see
 * `contractSchema`). With zod it is the largest part of a page's JavaScript, and a page whose data came in the server
 * HTML may make no request of its own for a while (a finished run: none at all), so it is not in the first bundle.
 * The schemas are the contract's own; the three Runboard answers (recent threads, connection, lookup) are defined here.
 */
import { z } from 'zod';
import { Assistant, ListOf, Message, Run, RunStep, Thread } from '@/lib/contract';

/** GET /api/threads/recent (shape set by lib/server/recent-threads.ts). */
export const RecentThreads = z.looseObject({
  data: z.array(
    z.looseObject({
      thread_id: z.string(),
      title: z.string().nullable(),
      created_at: z.number().nullable(),
      first_seen_at: z.number(),
      last_seen_at: z.number(),
      last_run: z.looseObject({ id: z.string(), status: z.string().nullable(), created_at: z.number().nullable() }).nullable(),
    }),
  ),
  has_more: z.boolean(),
  connection: z.looseObject({ id: z.string(), name: z.string(), mode: z.string() }),
});

/** GET /api/connection (lib/server/connection-check.ts). */
export const ConnectionInfo = z.looseObject({
  connection: z.looseObject({
    id: z.string(),
    name: z.string(),
    mode: z.string(),
    host: z.string(),
    authStyle: z.string().nullish(),
    maskedKey: z.string().nullish(),
  }),
  check: z.looseObject({
    status: z.string(),
    message: z.string(),
    httpStatus: z.number().nullable().optional(),
    latencyMs: z.number().optional(),
    checkedAt: z.string().optional(),
  }),
});

/** GET /api/lookup (lib/server/lookup.ts). */
export const LookupResult = z.looseObject({
  run_id: z.string(),
  /** null: still searching; ask again with `cursor`. */
  thread_id: z.string().nullable(),
  source: z.string(),
  cursor: z.string().optional(),
  progress: z.looseObject({ threads_done: z.number(), threads_total: z.number(), runs_scanned: z.number(), threads_failed: z.number() }).optional(),
});

/** GET|POST /api/connection/capabilities (lib/server/capabilities/). */
const Fact = z.looseObject({
  state: z.enum(['supported', 'unsupported', 'unknown']),
  detail: z.string().nullish(),
  learned_at: z.string().nullish(),
  source: z.string().nullish(),
});

export const CapabilitiesInfo = z.looseObject({
  connection: z.looseObject({ id: z.string(), name: z.string(), host: z.string() }),
  probed_at: z.string().nullish(),
  capabilities: z.record(z.string(), Fact),
  id_styles: z.array(z.looseObject({ style: z.string(), count: z.number(), example: z.string() })),
});
export type CapabilitiesInfo = z.infer<typeof CapabilitiesInfo>;

/** GET /api/threads/{id}/runs-seen (lib/server/runs-seen.ts). */
export const RunSeen = z.looseObject({
  id: z.string(),
  thread_id: z.string(),
  last_status: z.string().nullable(),
  created_at: z.number().nullable(),
  seen_at: z.number(),
});
export type RunSeen = z.infer<typeof RunSeen>;
export const RunsSeenList = z.looseObject({ data: z.array(RunSeen), has_more: z.boolean() });

/** GET /api/audit and /api/audit/history (lib/server/audit-format.ts, audit-api.ts). */
const Outcome = z.enum(['success', 'failure', 'unknown']);

export const AuditRecord = z.looseObject({
  id: z.string(),
  at: z.number(),
  category: z.enum(['mutation', 'security']),
  action: z.string(),
  actor: z
    .looseObject({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), role: z.string().nullable(), token_id: z.string().nullable() })
    .nullable(),
  connection_id: z.string().nullable(),
  thread_id: z.string().nullable(),
  run_id: z.string().nullable(),
  step_id: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: Outcome,
  status: z.number().nullable(),
  request_id: z.string().nullable(),
  upstream_request_id: z.string().nullable(),
  address: z.string().nullable(),
  user_agent: z.string().nullable(),
  subject: z.record(z.string(), z.unknown()).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditPage = z.looseObject({ data: z.array(AuditRecord), has_more: z.boolean(), next_cursor: z.string().nullable(), scope: z.enum(['all', 'own']) });

export const AuditHistoryEntry = z.looseObject({
  id: z.string(),
  at: z.number(),
  action: z.string(),
  actor: z.looseObject({ kind: z.string(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  run_id: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: Outcome,
  status: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditHistoryEntry = z.infer<typeof AuditHistoryEntry>;

export const AuditHistoryPage = z.looseObject({ data: z.array(AuditHistoryEntry), has_more: z.boolean(), next_cursor: z.string().nullable() });

/** GET /api/me: who is signed in. */
export const ViewerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['viewer', 'operator', 'admin']),
});

// Issue 11: the thread index, the stuck-run inbox, claims, notes and stuck rules (shapes agreed with lib/server/inbox
// and lib/server/index; see the README's "Stuck-run inbox").
const LatestRun = z.looseObject({ id: z.string(), status: z.string().nullable(), created_at: z.number().nullable() });
export const IndexedThread = z.looseObject({
  thread_id: z.string(),
  connection_id: z.string(),
  title: z.string().nullable(),
  customer_ref: z.string().nullable(),
  labels: z.array(z.string()),
  metadata: z.record(z.string(), z.string()).catch({}),
  assistant_id: z.string().nullable(),
  latest_run: LatestRun.nullable(),
  created_at: z.number().nullable(),
  first_seen_at: z.number(),
  last_seen_at: z.number(),
  last_checked_at: z.number().nullable(),
  gone_at: z.number().nullable(),
  source: z.string(),
  watched_by_me: z.boolean(),
  watchers: z.number(),
});
export const IndexedThreadList = z.looseObject({ data: z.array(IndexedThread), has_more: z.boolean(), next_cursor: z.string().nullable() });
export const IndexAnswer = z.looseObject({
  new: z.number(),
  known: z.number(),
  refused: z.array(z.looseObject({ index: z.number(), id: z.string().nullable(), reason: z.string() })),
});
export const WatchAnswer = z.looseObject({ thread_id: z.string(), watching: z.boolean(), watchers: z.number() });

export const Claim = z.looseObject({
  run_id: z.string(),
  thread_id: z.string(),
  user_id: z.string(),
  user_name: z.string(),
  claimed_at: z.number(),
  expires_at: z.number(),
});
export const ClaimAnswer = z.looseObject({ claim: Claim.nullable() });
export const ClaimList = z.looseObject({ data: z.array(Claim) });
export const Note = z.looseObject({
  id: z.string(),
  thread_id: z.string(),
  run_id: z.string().nullable(),
  body: z.string(),
  author_id: z.string(),
  author_name: z.string(),
  created_at: z.number(),
  edited_at: z.number().nullable(),
  editable_until: z.number(),
});
export const NoteList = z.looseObject({ data: z.array(Note) });
export const NoteAnswer = z.looseObject({ note: Note });

export const WatcherState = z.looseObject({
  state: z.string(),
  budget_rps: z.number(),
  retry_at: z.number().nullable(),
  watched_runs: z.number(),
  last_cycle_at: z.number().nullable(),
});
export const InboxCounts = z.looseObject({ stuck: z.number(), unclaimed: z.number() });
export const InboxItem = z.looseObject({
  run_id: z.string(),
  thread_id: z.string(),
  connection_id: z.string(),
  status: z.string(),
  reason_code: z.string(),
  reason: z.string(),
  state_since: z.number(),
  state_since_is_lower_bound: z.boolean(),
  expires_at: z.number().nullable(),
  ended_at: z.number().nullable(),
  thread_title: z.string().nullable(),
  customer_ref: z.string().nullable(),
  assistant_id: z.string().nullable(),
  claim: Claim.nullable(),
  last_note: Note.nullable(),
  last_checked_at: z.number(),
});
export const InboxPage = z.looseObject({
  data: z.array(InboxItem),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  counts: InboxCounts,
  watcher: WatcherState,
  generated_at: z.number(),
  /** The upstream's clock when the page was made (run times are on it); absent from older servers. */
  upstream_now: z.number().nullish(),
});
export const StuckRules = z.looseObject({
  queued_seconds: z.number(),
  in_progress_idle_seconds: z.number(),
  requires_action_seconds: z.number(),
  requires_action_expiry_margin_seconds: z.number(),
  cancelling_seconds: z.number(),
  ended_badly_window_seconds: z.number(),
  claim_ttl_seconds: z.number(),
});
/** A 204 No Content answer (a delete). */
export const NoContent = z.null();

export const SCHEMAS = {
  Thread,
  Run,
  RunList: ListOf(Run),
  StepList: ListOf(RunStep),
  Message,
  MessageList: ListOf(Message),
  Assistant,
  AssistantList: ListOf(Assistant),
  RecentThreads,
  ConnectionInfo,
  LookupResult,
  CapabilitiesInfo,
  RunsSeenList,
  AuditPage,
  AuditHistoryPage,
  Viewer: ViewerSchema,
  IndexedThreadList,
  IndexAnswer,
  WatchAnswer,
  ClaimAnswer,
  ClaimList,
  NoteList,
  NoteAnswer,
  InboxCounts,
  InboxPage,
  StuckRules,
  NoContent,
};
