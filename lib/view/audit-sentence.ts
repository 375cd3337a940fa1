// Plain-language lines for audit records: "<actor> cancelled this run — <reason>" on a run or thread page, and the
// action labels of the /audit page. Pure; unit-tested.

export type AuditLike = {
  action: string;
  actor: { kind: string; name: string | null; role?: string | null } | null;
  run_id: string | null;
  reason: string | null;
  outcome: 'success' | 'failure' | 'unknown';
  status: number | null;
  detail: Record<string, unknown> | null;
};

export const ACTION_LABELS: Record<string, string> = {
  'run.create': 'Create run',
  'thread_and_run.create': 'Create thread and run',
  'run.submit_tool_outputs': 'Submit tool outputs',
  'run.cancel': 'Cancel run',
  'run.modify': 'Modify run metadata',
  'auth.sign_in': 'Sign in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_out': 'Sign out',
  'user.invited': 'Invite user',
  'user.created': 'Create user',
  'user.role_changed': 'Change role',
  'user.deactivated': 'Deactivate user',
  'user.reactivated': 'Reactivate user',
  'token.created': 'Create token',
  'token.revoked': 'Revoke token',
  'session.revoked': 'Revoke session',
  'setting.changed': 'Change setting',
  'password.changed': 'Change password',
  'run.claimed': 'Claim run',
  'run.released': 'Release run',
  'note.created': 'Add note',
  'note.edited': 'Edit note',
  'note.deleted': 'Delete note',
  'thread.watched': 'Watch thread',
  'thread.unwatched': 'Unwatch thread',
  'index.threads_registered': 'Register threads',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

export function actorLabel(actor: AuditLike['actor']): string {
  if (!actor) return 'Someone unknown';
  if (actor.kind === 'anonymous') return 'Anonymous';
  const name = actor.name || 'Someone';
  return actor.kind === 'token' ? `${name} (API token)` : name;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type PhrasePart = string | { run: string };

/** What was done, from the point of view of the page showing it ("this run" on its own page); other runs are parts to link. */
export function auditPhrase(entry: AuditLike, scope: { runId?: string }): PhrasePart[] {
  const onThisRun = scope.runId !== undefined && entry.run_id === scope.runId;
  const run: PhrasePart = onThisRun ? 'this run' : entry.run_id ? { run: entry.run_id } : 'a run';
  const detail = entry.detail ?? {};
  switch (entry.action) {
    case 'run.cancel':
      return ['cancelled ', run];
    case 'run.create':
      return ['created ', run];
    case 'thread_and_run.create':
      return onThisRun ? ['created this run with its thread'] : ['created this thread with ', run];
    case 'run.submit_tool_outputs': {
      const n = typeof detail.tool_outputs === 'number' ? detail.tool_outputs : null;
      return [`submitted ${n === null ? 'tool outputs' : plural(n, 'tool output')} to `, run];
    }
    case 'run.modify': {
      const keys = Array.isArray(detail.metadata_keys) ? detail.metadata_keys.filter((k): k is string => typeof k === 'string') : [];
      return ['changed the metadata of ', run, keys.length ? ` (${keys.join(', ')})` : ' (cleared it)'];
    }
    default:
      return [actionLabel(entry.action).toLowerCase()];
  }
}

/** The phrase as plain text ("cancelled run run_abc"). */
export function auditVerb(entry: AuditLike, scope: { runId?: string }): string {
  return auditPhrase(entry, scope)
    .map((part) => (typeof part === 'string' ? part : `run ${part.run}`))
    .join('');
}

/** "refused (409)" / "outcome unknown" / null when it went through. */
export function outcomeNote(entry: Pick<AuditLike, 'outcome' | 'status'>): string | null {
  if (entry.outcome === 'unknown') return 'outcome unknown';
  if (entry.outcome === 'failure') return entry.status ? `failed (${entry.status})` : 'failed';
  return null;
}
