// The thread page's view state lives in the URL so a link in chat opens the same view: the runs filter and cursor,
// the page size, and the messages cursor. One parser serves the server page and the client hook.

import { ID_PATTERN, RUN_STATUSES } from '@/lib/contract/kinds';

export const RUN_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_RUN_PAGE_SIZE = 25;
export const MESSAGE_PAGE_SIZE = 20;

/** Status groups offered besides the single statuses. */
export const STATUS_GROUPS = {
  active: ['queued', 'in_progress', 'requires_action', 'cancelling'],
  problems: ['failed', 'expired', 'incomplete', 'cancelled'],
} as const;

export type ThreadPageParams = {
  /** 'all', a group name, or one or more statuses joined by commas. */
  status: string;
  /** Set when `status` names no run status: the page says so and scans nothing (rather than 1,000 runs for none). */
  statusProblem?: string;
  limit: number;
  after?: string;
  before?: string;
  /** Messages cursor (messages paginate independently of runs). */
  mafter?: string;
  mbefore?: string;
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function get(raw: RawParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

const cursor = (value: string | undefined) => (value && ID_PATTERN.test(value) ? value : undefined);

/** Tolerant: unknown values fall back to defaults rather than failing the page (links get edited by hand). */
export function parseThreadPageParams(raw: RawParams): ThreadPageParams {
  const limitRaw = Number(get(raw, 'limit'));
  const limit = (RUN_PAGE_SIZES as readonly number[]).includes(limitRaw) ? limitRaw : DEFAULT_RUN_PAGE_SIZE;
  const statusRaw = (get(raw, 'status') ?? 'all').trim().toLowerCase();
  const status = /^[a-z_,]{1,200}$/.test(statusRaw) ? statusRaw : 'all';
  const statusProblem = checkStatusFilter(statusRaw);
  const after = cursor(get(raw, 'after'));
  const before = after ? undefined : cursor(get(raw, 'before'));
  const mafter = cursor(get(raw, 'mafter'));
  const mbefore = mafter ? undefined : cursor(get(raw, 'mbefore'));
  return { status: statusProblem ? statusRaw.slice(0, 60) : status, ...(statusProblem ? { statusProblem } : {}), limit, after, before, mafter, mbefore };
}

/** Null when every part of the filter is a run status or a group; otherwise what is wrong, in words. */
export function checkStatusFilter(filter: string): string | null {
  if (filter === '' || filter === 'all' || filter in STATUS_GROUPS) return null;
  const known = new Set<string>(RUN_STATUSES);
  const unknown = filter.split(',').map((s) => s.trim()).filter((s) => !known.has(s));
  if (unknown.length === 0) return null;
  const shown = unknown.map((s) => `“${s.slice(0, 40)}”`).join(', ');
  return `${shown} ${unknown.length === 1 ? 'is not a run status' : 'are not run statuses'}. Use all, active, problems or one of: ${RUN_STATUSES.join(', ')}.`;
}

/** Query string (with leading "?", or "" when everything is default). Defaults are omitted to keep links short. */
export function serializeThreadPageParams(params: Partial<ThreadPageParams>): string {
  const out = new URLSearchParams();
  if (params.status && params.status !== 'all') out.set('status', params.status);
  if (params.limit && params.limit !== DEFAULT_RUN_PAGE_SIZE) out.set('limit', String(params.limit));
  if (params.after) out.set('after', params.after);
  else if (params.before) out.set('before', params.before);
  if (params.mafter) out.set('mafter', params.mafter);
  else if (params.mbefore) out.set('mbefore', params.mbefore);
  const qs = out.toString();
  return qs ? `?${qs}` : '';
}

/** The statuses a filter value stands for; null means no filter. */
export function statusesOf(filter: string): readonly string[] | null {
  if (!filter || filter === 'all') return null;
  if (filter in STATUS_GROUPS) return STATUS_GROUPS[filter as keyof typeof STATUS_GROUPS];
  const list = filter.split(',').map((s) => s.trim()).filter(Boolean);
  return list.length ? list : null;
}

/** Predicate for the scan, or null when the filter is 'all'. */
export function statusMatcher(filter: string): ((run: { status: string }) => boolean) | null {
  const statuses = statusesOf(filter);
  if (!statuses) return null;
  const set = new Set(statuses);
  return (run) => set.has(run.status);
}

/** "failed", "active (queued, in progress, requires action, cancelling)" — for "12 runs are <label>". */
export function describeStatusFilter(filter: string): string {
  const statuses = statusesOf(filter);
  if (!statuses) return 'any status';
  const words = statuses.map((s) => s.replace(/_/g, ' ')).join(', ');
  return filter in STATUS_GROUPS ? `${filter} (${words})` : words;
}
