// When the watcher reads an active run next. Pure. Every active run is read at least every BASE_INTERVAL_MS when
// the budget allows; a run about to cross a stuck rule or its expiry is read just after that moment instead, so the
// inbox learns it at once. When there are more runs than the budget reads in that interval, runs queue by how
// overdue they are (the oldest read first, then the nearest deadline): each is read once per (runs / budget) s.

import { ruleDeadline, type IndexedRun, type StuckRules } from './stuck-rules';

export const BASE_INTERVAL_MS = 10_000;
const AFTER_DEADLINE_MS = 1_000;

/** `offsetMs`: upstream clock minus ours (deadlines are on the upstream's clock). */
export function nextCheckAtMs(run: IndexedRun, rules: StuckRules, nowMs: number, offsetMs: number, intervalMs = BASE_INTERVAL_MS): number {
  const base = nowMs + intervalMs;
  const deadlines = [ruleDeadline(run, rules), run.expiresAt].filter((d): d is number => d !== null).map((d) => d * 1000 - offsetMs + AFTER_DEADLINE_MS);
  const upcoming = deadlines.filter((d) => d > nowMs);
  return upcoming.length > 0 ? Math.min(base, ...upcoming) : base;
}
