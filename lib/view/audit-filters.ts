// The /audit page's filters between the URL (ISO times with a zone, shareable) and the form (the viewer's local
// date-time inputs). Pure; unit-tested.

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'thread_id', 'run_id', 'outcome', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilterValues = Partial<Record<AuditFilterKey, string>>;

/** Only known, non-empty filters from the page's search params. */
export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): AuditFilterValues {
  const out: AuditFilterValues = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) out[key] = value.slice(0, 320);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → the value of an <input type="datetime-local"> in the viewer's zone ('' when unreadable). */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(/^\d+$/.test(iso) ? Number(iso) : iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the viewer's zone) → ISO in UTC for the URL, or undefined when empty or invalid. */
export function localInputToIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function filtersToQueryString(filters: AuditFilterValues): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  return params.toString();
}
