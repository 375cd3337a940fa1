import 'server-only';
import { claimsFor, inboxCandidates, lastNotesFor, type ClaimRow, type NoteRow } from '@/lib/store/inbox';
import type { Db } from '@/lib/store/threads-seen';
import { evaluateStuck, type ReasonCode, type StuckRules } from '@/lib/watch/stuck-rules';
import { upstreamNow } from '@/lib/upstream/clock';

// The inbox, computed from the index: every candidate run (active, or ended badly within the window) judged by the
// stuck rules at the upstream's "now", longest-stuck first, with its claim and last note.

export type ClaimDto = { run_id: string; thread_id: string; user_id: string; user_name: string; claimed_at: number; expires_at: number };
export type NoteDto = { id: string; thread_id: string; run_id: string | null; body: string; author_id: string; author_name: string; created_at: number; edited_at: number | null; editable_until: number };
export type InboxItem = {
  run_id: string;
  thread_id: string;
  connection_id: string;
  status: string;
  reason_code: ReasonCode;
  reason: string;
  state_since: number;
  state_since_is_lower_bound: boolean;
  expires_at: number | null;
  ended_at: number | null;
  thread_title: string | null;
  customer_ref: string | null;
  assistant_id: string | null;
  claim: ClaimDto | null;
  last_note: NoteDto | null;
  last_checked_at: number;
};

export const NOTE_EDIT_WINDOW_MS = 10 * 60 * 1000;
const s = (ms: number) => Math.floor(ms / 1000);

export const claimDto = (c: ClaimRow): ClaimDto => ({ run_id: c.runId, thread_id: c.threadId, user_id: c.userId, user_name: c.userName, claimed_at: s(c.claimedAtMs), expires_at: s(c.expiresAtMs) });
export const noteDto = (n: NoteRow): NoteDto => ({
  id: n.id,
  thread_id: n.threadId,
  run_id: n.runId,
  body: n.body,
  author_id: n.authorId,
  author_name: n.authorName,
  created_at: s(n.createdAtMs),
  edited_at: n.editedAtMs === null ? null : s(n.editedAtMs),
  editable_until: s(n.createdAtMs + NOTE_EDIT_WINDOW_MS),
});

export type InboxFilters = { reason?: string | null; status?: string | null; assistantId?: string | null; claim?: 'claimed' | 'unclaimed' | 'mine' | null; viewerId?: string | null };

export async function computeInbox(db: Db, connectionId: string, rules: StuckRules, nowMs = Date.now()): Promise<InboxItem[]> {
  const now = upstreamNow(connectionId, nowMs);
  const candidates = await inboxCandidates(db, connectionId, now - rules.ended_badly_window_seconds);
  const stuck: Array<{ c: (typeof candidates)[number]; v: NonNullable<ReturnType<typeof evaluateStuck>> }> = [];
  for (const c of candidates) {
    const v = evaluateStuck(c, rules, now);
    if (v) stuck.push({ c, v });
  }
  const ids = stuck.map((x) => x.c.runId);
  const [claims, notes] = await Promise.all([claimsFor(db, connectionId, ids, nowMs), lastNotesFor(db, connectionId, ids)]);
  const items = stuck.map(({ c, v }): InboxItem => {
    const claim = claims.get(c.runId);
    const note = notes.get(c.runId);
    return {
      run_id: c.runId,
      thread_id: c.threadId,
      connection_id: connectionId,
      status: c.status,
      reason_code: v.code,
      reason: v.reason,
      state_since: v.since,
      state_since_is_lower_bound: v.sinceIsLowerBound,
      expires_at: c.expiresAt,
      ended_at: c.endedAt,
      thread_title: c.threadTitle,
      customer_ref: c.customerRef,
      assistant_id: c.assistantId,
      claim: claim ? claimDto(claim) : null,
      last_note: note ? noteDto(note) : null,
      last_checked_at: c.checkedAtMs !== null ? s(c.checkedAtMs) : c.seenAt,
    };
  });
  // Longest stuck first: active runs by how long they have been in their state, then ended runs, newest end first.
  const ended = (i: InboxItem) => i.reason_code === 'ended_badly';
  items.sort((a, b) => Number(ended(a)) - Number(ended(b)) || (ended(a) ? b.state_since - a.state_since : a.state_since - b.state_since) || a.run_id.localeCompare(b.run_id));
  return items;
}

export function countsOf(items: readonly InboxItem[]): { stuck: number; unclaimed: number } {
  return { stuck: items.length, unclaimed: items.filter((i) => i.claim === null).length };
}

export function filterInbox(items: readonly InboxItem[], f: InboxFilters): InboxItem[] {
  return items.filter(
    (i) =>
      (!f.reason || i.reason_code === f.reason) &&
      (!f.status || i.status === f.status) &&
      (!f.assistantId || i.assistant_id === f.assistantId) &&
      (!f.claim || (f.claim === 'claimed' ? i.claim !== null : f.claim === 'unclaimed' ? i.claim === null : i.claim?.user_id === f.viewerId)),
  );
}
