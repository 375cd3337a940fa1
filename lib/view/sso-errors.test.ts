import { describe, expect, it } from 'vitest';
import { ssoErrorMessage } from './sso-errors';

describe('ssoErrorMessage', () => {
  it('explains known refusals in our words and nothing when there was no error', () => {
    expect(ssoErrorMessage('sso_not_allowed')).toMatch(/^Your identity provider account is not allowed/);
    expect(ssoErrorMessage('BANNED_USER')).toMatch(/deactivated/);
    expect(ssoErrorMessage(null)).toBeNull();
  });

  it('never echoes an unknown code (the link may come from anyone)', () => {
    expect(ssoErrorMessage('call_555_now_your_account_is_locked')).toBe(
      'Single sign-on did not complete. Try again, or ask an admin if it keeps failing.',
    );
  });
});
