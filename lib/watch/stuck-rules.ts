// The stuck rules (defaults, bounds) and the decision whether an indexed run is stuck, with its one-line reason.
// Pure. The sentence reuses the run page's diagnosis (lib/view/diagnosis.ts) and adds the rule that fired, so the
// inbox and the run page never tell two stories about the same run. Times are unix seconds on the upstream's clock.

import { diagnoseRun } from '@/lib/view/diagnosis';
import { spanCoarse } from '@/lib/view/diagnosis-format';
import type { RunLike } from '@/lib/view/run-shapes';

export type StuckRules = {
  queued_seconds: number;
  in_progress_idle_seconds: number;
  requires_action_seconds: number;
  requires_action_expiry_margin_seconds: number;
  cancelling_seconds: number;
  ended_badly_window_seconds: number;
  claim_ttl_seconds: number;
};

export const DEFAULT_STUCK_RULES: StuckRules = {
  queued_seconds: 120,
  in_progress_idle_seconds: 600,
  requires_action_seconds: 120,
  requires_action_expiry_margin_seconds: 180,
  cancelling_seconds: 120,
  ended_badly_window_seconds: 86_400,
  claim_ttl_seconds: 3_600,
};

/** Sane bounds per field (seconds): a rule of 0 s would flag every run, a window of a year would never forget. */
export const STUCK_RULE_BOUNDS: Record<keyof StuckRules, [number, number]> = {
  queued_seconds: [10, 86_400],
  in_progress_idle_seconds: [30, 86_400],
  requires_action_seconds: [10, 86_400],
  requires_action_expiry_margin_seconds: [0, 3_600],
  cancelling_seconds: [10, 86_400],
  ended_badly_window_seconds: [60, 30 * 86_400],
  claim_ttl_seconds: [60, 7 * 86_400],
};

export type ReasonCode =
  | 'queued_too_long'
  | 'in_progress_no_progress'
  | 'requires_action_too_long'
  | 'requires_action_near_expiry'
  | 'cancelling_too_long'
  | 'ended_badly';

export const REASON_CODES: readonly ReasonCode[] = [
  'queued_too_long',
  'in_progress_no_progress',
  'requires_action_too_long',
  'requires_action_near_expiry',
  'cancelling_too_long',
  'ended_badly',
];

export type IndexedRun = {
  status: string;
  snapshot: Record<string, unknown> | null;
  stateSince: number | null;
  lowerBound: boolean;
  expiresAt: number | null;
  endedAt: number | null;
  /** Last new or changed step (in_progress runs), when the steps were read. */
  stepsChangedAt: number | null;
};

export type StuckVerdict = { code: ReasonCode; reason: string; since: number; sinceIsLowerBound: boolean };

/** The moment an active run crosses its rule (for scheduling a read just then), or null. */
export function ruleDeadline(run: IndexedRun, rules: StuckRules): number | null {
  const since = run.stateSince;
  if (since === null) return null;
  switch (run.status) {
    case 'queued':
      return since + rules.queued_seconds;
    case 'in_progress':
      return Math.max(since, run.stepsChangedAt ?? since) + rules.in_progress_idle_seconds;
    case 'requires_action': {
      const byAge = since + rules.requires_action_seconds;
      return run.expiresAt !== null ? Math.min(byAge, run.expiresAt - rules.requires_action_expiry_margin_seconds) : byAge;
    }
    case 'cancelling':
      return since + rules.cancelling_seconds;
    default:
      return null;
  }
}

const ENDED_BADLY = new Set(['failed', 'expired', 'incomplete']);

function line(run: IndexedRun, now: number, rule: string): string {
  const snap = run.snapshot as RunLike | null;
  const headline = snap && typeof snap.status === 'string' && typeof snap.created_at === 'number' ? diagnoseRun(snap, { now, cancellingSeenAt: run.status === 'cancelling' ? run.stateSince : null }).headline : null;
  return headline ? `${headline} — ${rule}` : rule;
}

const over = (limit: number) => `over the ${spanCoarse(limit)} rule`;

export function evaluateStuck(run: IndexedRun, rules: StuckRules, now: number): StuckVerdict | null {
  const since = run.stateSince;
  if (ENDED_BADLY.has(run.status)) {
    const ended = run.endedAt ?? since;
    if (ended === null || now - ended > rules.ended_badly_window_seconds) return null;
    return { code: 'ended_badly', reason: line(run, now, `ended ${run.status} ${spanCoarse(Math.max(0, now - ended))} ago`), since: ended, sinceIsLowerBound: false };
  }
  if (since === null) return null;
  const age = now - since;
  const bound = run.lowerBound;
  const at = (n: number) => `${bound ? 'at least ' : ''}${spanCoarse(Math.max(0, n))}`;
  switch (run.status) {
    case 'queued':
      if (age < rules.queued_seconds) return null;
      return { code: 'queued_too_long', reason: line(run, now, `queued ${at(age)}, ${over(rules.queued_seconds)}`), since, sinceIsLowerBound: bound };
    case 'in_progress': {
      const lastChange = Math.max(since, run.stepsChangedAt ?? since);
      const idle = now - lastChange;
      // Without a read of its steps, a long run is not known to be idle: the watcher reads them first.
      if (idle < rules.in_progress_idle_seconds || run.stepsChangedAt === null) return null;
      return { code: 'in_progress_no_progress', reason: line(run, now, `no new or changed step for ${spanCoarse(idle)}, ${over(rules.in_progress_idle_seconds)}`), since, sinceIsLowerBound: bound };
    }
    case 'requires_action': {
      if (run.expiresAt !== null && run.expiresAt - now <= rules.requires_action_expiry_margin_seconds) {
        return { code: 'requires_action_near_expiry', reason: line(run, now, `expires in ${spanCoarse(Math.max(0, run.expiresAt - now))}, inside the ${spanCoarse(rules.requires_action_expiry_margin_seconds)} margin`), since, sinceIsLowerBound: bound };
      }
      if (age < rules.requires_action_seconds) return null;
      return { code: 'requires_action_too_long', reason: line(run, now, `waiting ${at(age)}, ${over(rules.requires_action_seconds)}`), since, sinceIsLowerBound: bound };
    }
    case 'cancelling':
      if (age < rules.cancelling_seconds) return null;
      return { code: 'cancelling_too_long', reason: line(run, now, `cancelling ${at(age)}, ${over(rules.cancelling_seconds)}`), since, sinceIsLowerBound: bound };
    default:
      return null;
  }
}

/** Checks a full StuckRules object: every field an integer within its bounds. Returns the problem or the rules. */
export function parseStuckRules(value: unknown): { ok: true; rules: StuckRules } | { ok: false; param: string; message: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, param: '', message: 'The body must be a JSON object with every stuck rule.' };
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_STUCK_RULES)) return { ok: false, param: key, message: `Unknown field '${key}'.` };
  }
  const out = {} as StuckRules;
  for (const key of Object.keys(DEFAULT_STUCK_RULES) as Array<keyof StuckRules>) {
    const v = input[key];
    const [min, max] = STUCK_RULE_BOUNDS[key];
    if (v === undefined) return { ok: false, param: key, message: `'${key}' is required.` };
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return { ok: false, param: key, message: `'${key}' must be an integer between ${min} and ${max} (seconds).` };
    out[key] = v;
  }
  return { ok: true, rules: out };
}
