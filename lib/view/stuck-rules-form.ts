// The stuck rules form (/admin/settings): each rule is edited in the unit people think in (minutes, hours) and sent
// in whole seconds. Bounds are checked here so an impossible value gets an inline message before anything is sent;
// the server checks the same bounds again (one table: lib/watch/stuck-rules.ts, pure). Pure; unit-tested.
import { DEFAULT_STUCK_RULES, STUCK_RULE_BOUNDS, type StuckRules } from '@/lib/watch/stuck-rules';

export { DEFAULT_STUCK_RULES };

export type StuckRuleKey = keyof StuckRules;

type Unit = 'min' | 'h';
const UNIT_SECONDS: Record<Unit, number> = { min: 60, h: 3_600 };

export const STUCK_RULE_FIELDS: ReadonlyArray<{ key: StuckRuleKey; label: string; hint: string; unit: Unit }> = [
  { key: 'queued_seconds', label: 'Queued longer than', hint: 'A run still queued after this is stuck.', unit: 'min' },
  { key: 'in_progress_idle_seconds', label: 'In progress with no new step for', hint: 'No new or changed step for this long.', unit: 'min' },
  { key: 'requires_action_seconds', label: 'Waiting for tool outputs longer than', hint: 'requires_action for this long.', unit: 'min' },
  { key: 'requires_action_expiry_margin_seconds', label: 'Or this close to expiring', hint: 'requires_action with less than this left before expires_at.', unit: 'min' },
  { key: 'cancelling_seconds', label: 'Cancelling longer than', hint: 'Cancel requested but not confirmed.', unit: 'min' },
  { key: 'ended_badly_window_seconds', label: 'Show runs that ended badly in the last', hint: 'failed, expired or incomplete.', unit: 'h' },
  { key: 'claim_ttl_seconds', label: 'A claim lapses after', hint: 'Released automatically unless renewed.', unit: 'min' },
];

export type StuckRuleDraft = Record<StuckRuleKey, string>;

function trimNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Seconds → the text shown in each field (in that field's unit). */
export function rulesToDraft(rules: StuckRules): StuckRuleDraft {
  const out = {} as StuckRuleDraft;
  for (const f of STUCK_RULE_FIELDS) out[f.key] = trimNumber(rules[f.key] / UNIT_SECONDS[f.unit]);
  return out;
}

function describe(seconds: number, unit: Unit): string {
  if (seconds < 60) return `${seconds} s`;
  return `${trimNumber(seconds / UNIT_SECONDS[unit])} ${unit}`;
}

/** The draft → whole seconds, or an inline message per field that cannot be saved. */
export function draftToRules(draft: StuckRuleDraft): { ok: true; rules: StuckRules } | { ok: false; errors: Partial<Record<StuckRuleKey, string>> } {
  const rules = {} as StuckRules;
  const errors: Partial<Record<StuckRuleKey, string>> = {};
  for (const f of STUCK_RULE_FIELDS) {
    const text = draft[f.key]?.trim() ?? '';
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) {
      errors[f.key] = `Enter a number of ${unitLabel(f.unit)}.`;
      continue;
    }
    const seconds = Math.round(value * UNIT_SECONDS[f.unit]);
    if (Math.abs(seconds - value * UNIT_SECONDS[f.unit]) > 1e-6) errors[f.key] = 'Use whole seconds.';
    else if (seconds < STUCK_RULE_BOUNDS[f.key][0]) errors[f.key] = `At least ${describe(STUCK_RULE_BOUNDS[f.key][0], f.unit)}.`;
    else if (seconds > STUCK_RULE_BOUNDS[f.key][1]) errors[f.key] = `At most ${describe(STUCK_RULE_BOUNDS[f.key][1], f.unit)}.`;
    else rules[f.key] = seconds;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rules };
}

export function unitLabel(unit: Unit): string {
  return unit === 'min' ? 'minutes' : 'hours';
}
