// Pure helpers for the people pages (users, tokens, sessions): what to offer and how to label it.
import { ROLE_VALUES, TOKEN_DAYS, type RoleValue, type UserStatus } from '@/lib/contract/people';

export const ROLE_LABELS: Record<RoleValue, string> = { viewer: 'Viewer', operator: 'Operator', admin: 'Admin' };

export const ROLE_DESCRIPTIONS: Record<RoleValue, string> = {
  viewer: 'reads everything',
  operator: 'reads, creates, cancels and answers runs',
  admin: 'operator + people, tokens and settings',
};

/** Roles a token may carry: its owner's role and below (a token never outranks the person). */
export function rolesUpTo(role: RoleValue): RoleValue[] {
  return ROLE_VALUES.slice(0, ROLE_VALUES.indexOf(role) + 1);
}

/** Lifetimes offered when creating a token; the default first-class, the maximum one year. */
export const TOKEN_LIFETIMES: Array<{ days: number; label: string }> = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: TOKEN_DAYS.default, label: `${TOKEN_DAYS.default} days (default)` },
  { days: 180, label: '180 days' },
  { days: TOKEN_DAYS.max, label: '1 year (maximum)' },
];

/** How a token is shown once created: the prefix and its last four characters only. */
export function maskedToken(last4: string): string {
  return `rb_…${last4}`;
}

export const STATUS_LOOK: Record<UserStatus, { label: string; tone: 'success' | 'info' | 'danger' }> = {
  active: { label: 'Active', tone: 'success' },
  invited: { label: 'Invited', tone: 'info' },
  deactivated: { label: 'Deactivated', tone: 'danger' },
};

/** "Chrome on Linux" from a user agent; falls back to a short form of the raw string. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser =
    /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
    : /(Chrome|Chromium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : /^node|undici|axios|curl|python|OpenAI\//i.test(userAgent) ? 'Script'
    : null;
  const os =
    /Android/.test(userAgent) ? 'Android'
    : /iPhone|iPad/.test(userAgent) ? 'iOS'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
    : /Linux|X11/.test(userAgent) ? 'Linux'
    : null;
  if (browser && os) return `${browser} on ${os}`;
  if (browser) return browser;
  return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
}

/** Days from now until `expiresAt` (Unix s), for "expires in 12 days" next to the absolute time. */
export function daysLeft(expiresAt: number | null, nowMs: number): number | null {
  if (expiresAt === null) return null;
  return Math.max(0, Math.ceil((expiresAt * 1000 - nowMs) / 86_400_000));
}
