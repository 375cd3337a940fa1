// What the sign-in page says after a failed single sign-on. better-auth sends the browser back with `?error=<code>`;
// only known codes get a specific sentence, and the free-text `error_description` is never shown (anyone can craft
// such a link, so it must not put their words on our page).

const MESSAGES: Record<string, string> = {
  sso_not_allowed: 'Your identity provider account is not allowed to use Runboard (its email domain is not on the list). Ask an admin to invite you.',
  signup_disabled: 'Single sign-on cannot create accounts here. Ask an admin to invite you.',
  access_denied: 'Sign-in was cancelled at your identity provider.',
  account_not_linked: 'An account with your email exists but is not linked to single sign-on. Sign in with your password, or ask an admin.',
  email_not_found: 'Your identity provider did not share an email address, so Runboard cannot tell who you are.',
  banned_user: 'Your Runboard account is deactivated. Ask an admin to reactivate it.',
};

export function ssoErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code.toLowerCase()] ?? 'Single sign-on did not complete. Try again, or ask an admin if it keeps failing.';
}
