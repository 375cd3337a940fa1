// The one query-key factory. Keys nest (threads → thread id → runs → run id → steps) so invalidating a prefix
// refreshes the whole subtree, e.g. after cancelling a run, `runs(threadId)` refreshes the list and every run view.
export type RunListFilters = { limit?: number; order?: 'asc' | 'desc'; after?: string; before?: string; status?: string };
export type PageParams = { limit?: number; order?: 'asc' | 'desc'; after?: string; before?: string };

export const queryKeys = {
  connection: () => ['connection'] as const,
  capabilities: () => ['connection', 'capabilities'] as const,
  /** Who is signed in (GET /api/me). */
  viewer: () => ['viewer'] as const,
  recentThreads: () => ['recent-threads'] as const,

  threads: () => ['threads'] as const,
  thread: (threadId: string) => ['threads', threadId] as const,
  threadDetail: (threadId: string) => ['threads', threadId, 'detail'] as const,
  messages: (threadId: string, params: PageParams & { run_id?: string } = {}) =>
    ['threads', threadId, 'messages', params] as const,
  /** One message (run viewer: the content a message_creation step wrote). */
  message: (threadId: string, messageId: string) => ['threads', threadId, 'message', messageId] as const,

  runs: (threadId: string) => ['threads', threadId, 'runs'] as const,
  runList: (threadId: string, filters: RunListFilters = {}) => ['threads', threadId, 'runs', 'list', filters] as const,
  /** The thread's newest run only: decides the "thread locked by an active run" banner whatever page is shown. */
  latestRun: (threadId: string) => ['threads', threadId, 'runs', 'latest'] as const,
  /** Runs Runboard has seen on the thread (its own record: the fallback when the upstream cannot list runs). */
  runsSeen: (threadId: string) => ['threads', threadId, 'runs', 'seen'] as const,
  /** The first page of runs, read only while the newest run is active (several may be, on some facades). */
  activeRunsPage: (threadId: string) => ['threads', threadId, 'runs', 'active-page'] as const,
  run: (threadId: string, runId: string) => ['threads', threadId, 'runs', 'detail', runId] as const,
  runSteps: (threadId: string, runId: string, params: PageParams = {}) =>
    ['threads', threadId, 'runs', 'detail', runId, 'steps', params] as const,

  assistants: (params: PageParams = {}) => ['assistants', 'list', params] as const,
  assistant: (assistantId: string) => ['assistants', 'detail', assistantId] as const,

  /** People (admins): users and everyone's tokens. Invalidating `people()` refreshes both. */
  people: () => ['people'] as const,
  peoplePage: (page: number) => ['people', 'users', page] as const,
  allTokens: (page: number) => ['people', 'tokens', page] as const,
  /** The signed-in person's own profile, tokens and sessions. */
  profile: () => ['profile'] as const,
  profileTokens: () => ['profile', 'tokens'] as const,
  profileSessions: () => ['profile', 'sessions'] as const,
  invite: (token: string) => ['invite', token] as const,
  /** The audit log page (filters + cursor pages). */
  audit: (filters: Record<string, string | undefined> = {}) => ['audit', 'list', filters] as const,
  /** What was done to a thread, or to one of its runs (invalidate the thread's to refresh both). */
  auditHistory: (threadId: string, runId?: string) => (runId ? (['audit', 'history', threadId, runId] as const) : (['audit', 'history', threadId] as const)),

  /** The stuck-run inbox (issue 11). Invalidating `inbox()` refreshes every filtered page and the header count. */
  inbox: () => ['inbox'] as const,
  inboxList: (filters: Record<string, string | undefined> = {}) => ['inbox', 'list', filters] as const,
  inboxCount: () => ['inbox', 'count'] as const,
  /** Claims: one run's, or every live claim on a thread's runs. */
  claims: () => ['claims'] as const,
  runClaim: (runId: string) => ['claims', 'run', runId] as const,
  threadClaims: (threadId: string) => ['claims', 'thread', threadId] as const,
  /** Notes on a thread (all) or on one of its runs; invalidating the thread's refreshes both. */
  notes: (threadId: string, runId?: string) => (runId ? (['notes', threadId, runId] as const) : (['notes', threadId] as const)),
  /** The team's thread index (search, watched threads). */
  threadIndex: (params: Record<string, string | number | undefined> = {}) => ['thread-index', params] as const,
  threadIndexAll: () => ['thread-index'] as const,
  stuckRules: () => ['stuck-rules'] as const,
};
