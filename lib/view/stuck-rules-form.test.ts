import { describe, expect, it } from 'vitest';
import { DEFAULT_STUCK_RULES, draftToRules, rulesToDraft } from './stuck-rules-form';

describe('stuck rules form', () => {
  it('shows the defaults in minutes and hours and saves them back unchanged', () => {
    const draft = rulesToDraft(DEFAULT_STUCK_RULES);
    expect(draft.queued_seconds).toBe('2');
    expect(draft.in_progress_idle_seconds).toBe('10');
    expect(draft.ended_badly_window_seconds).toBe('24');
    expect(draftToRules(draft)).toEqual({ ok: true, rules: DEFAULT_STUCK_RULES });
  });

  it('accepts fractions that are whole seconds', () => {
    const result = draftToRules({ ...rulesToDraft(DEFAULT_STUCK_RULES), queued_seconds: '1.5' });
    expect(result.ok && result.rules.queued_seconds).toBe(90);
  });

  it('says what is wrong with each field', () => {
    const result = draftToRules({ ...rulesToDraft(DEFAULT_STUCK_RULES), queued_seconds: '', cancelling_seconds: '0.1', claim_ttl_seconds: '0.01', ended_badly_window_seconds: '1000' });
    expect(result).toEqual({
      ok: false,
      errors: {
        queued_seconds: 'Enter a number of minutes.',
        cancelling_seconds: 'At least 10 s.',
        claim_ttl_seconds: 'Use whole seconds.',
        ended_badly_window_seconds: 'At most 720 h.',
      },
    });
  });
});
