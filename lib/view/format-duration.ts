// Durations for runs and steps, in words a support engineer reads at a glance: "850 ms" never appears because the
// API's clock is whole seconds; "0 s" is real (created and finished within the same second).

/** 42 → "42 s"; 432 → "7 min 12 s"; 11_100 → "3 h 5 min"; 190_800 → "2 d 5 h". Negative/NaN → "—". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3_600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  if (s < 86_400) {
    const h = Math.floor(s / 3_600);
    const m = Math.floor((s % 3_600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** Whole seconds between two Unix-second stamps, or null when either is missing or the order is wrong. */
export function secondsBetween(start: number | null | undefined, end: number | null | undefined): number | null {
  if (start == null || end == null) return null;
  const d = end - start;
  return d >= 0 ? d : null;
}
