// The /inbox page's filters between the URL (shareable, back button) and the API query. Pure; unit-tested.
// Unknown values are dropped rather than sent: the server would refuse them and the page would show an error instead
// of the inbox.

// The reason codes are the watcher's own (lib/watch/stuck-rules.ts is pure).
import { REASON_CODES, type ReasonCode } from '@/lib/watch/stuck-rules';

export { REASON_CODES, type ReasonCode };

export const REASON_LABEL: Record<ReasonCode, string> = {
  queued_too_long: 'Queued too long',
  in_progress_no_progress: 'No progress',
  requires_action_too_long: 'Waiting for tool outputs',
  requires_action_near_expiry: 'About to expire',
  cancelling_too_long: 'Cancelling too long',
  ended_badly: 'Ended badly',
};

export const INBOX_STATUSES = ['queued', 'in_progress', 'requires_action', 'cancelling', 'failed', 'expired', 'incomplete'] as const;
export const CLAIM_FILTERS = ['unclaimed', 'claimed', 'mine'] as const;
export type ClaimFilter = (typeof CLAIM_FILTERS)[number];

export type InboxFilters = {
  reason?: ReasonCode;
  status?: string;
  assistant_id?: string;
  claim?: ClaimFilter;
  connection?: string;
  /** The page's cursor (the API's next_cursor of the previous page). */
  cursor?: string;
};

const FILTER_KEYS = ['reason', 'status', 'assistant_id', 'claim', 'connection', 'cursor'] as const;
const ID_LIKE = /^[A-Za-z0-9_.:-]{1,200}$/;

function first(value: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Only known, well-formed filters from the page's search params. */
export function inboxFiltersFromSearchParams(params: Record<string, string | string[] | undefined>): InboxFilters {
  const out: InboxFilters = {};
  const reason = oneOf(REASON_CODES, first(params.reason));
  if (reason) out.reason = reason;
  const status = oneOf(INBOX_STATUSES, first(params.status));
  if (status) out.status = status;
  const claim = oneOf(CLAIM_FILTERS, first(params.claim));
  if (claim) out.claim = claim;
  for (const key of ['assistant_id', 'connection', 'cursor'] as const) {
    const value = first(params[key]);
    if (value && (key === 'cursor' ? value.length <= 500 : ID_LIKE.test(value))) out[key] = value;
  }
  return out;
}

/** The URL's query string for these filters, in a stable order ('' when none). */
export function inboxFiltersToQueryString(filters: InboxFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  return params.toString();
}

/** The /inbox href for these filters. */
export function inboxHref(filters: InboxFilters): string {
  const qs = inboxFiltersToQueryString(filters);
  return qs ? `/inbox?${qs}` : '/inbox';
}

/** Changing a filter starts again from the first page (a cursor belongs to the filters it was made with). */
export function withFilter(filters: InboxFilters, key: Exclude<keyof InboxFilters, 'cursor'>, value: string | undefined): InboxFilters {
  return inboxFiltersFromSearchParams({ ...filters, cursor: undefined, [key]: value });
}

/** True when any filter (not the cursor) narrows the list. */
export function isFiltered(filters: InboxFilters): boolean {
  return FILTER_KEYS.some((key) => key !== 'cursor' && filters[key] !== undefined);
}
