import 'server-only';
import { getSetting, putSetting } from '@/lib/store/inbox';
import type { Db } from '@/lib/store/threads-seen';
import { DEFAULT_STUCK_RULES, parseStuckRules, type StuckRules } from '@/lib/watch/stuck-rules';

// The stored stuck rules (settings key 'stuck_rules'), defaults where nothing valid is stored.

const KEY = 'stuck_rules';

export async function loadStuckRules(db: Db): Promise<StuckRules> {
  const raw = await getSetting(db, KEY);
  if (!raw) return DEFAULT_STUCK_RULES;
  try {
    const parsed = parseStuckRules({ ...DEFAULT_STUCK_RULES, ...(JSON.parse(raw) as object) });
    return parsed.ok ? parsed.rules : DEFAULT_STUCK_RULES;
  } catch {
    return DEFAULT_STUCK_RULES;
  }
}

export async function saveStuckRules(db: Db, rules: StuckRules, by: string | null): Promise<void> {
  await putSetting(db, KEY, JSON.stringify(rules), by);
}
