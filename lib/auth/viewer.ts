import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Viewer } from '@/lib/view/roles';
import { getAuthPair } from './runtime';
import { resolveIdentityCached } from './identity-cache';

export { getAuthPair } from './runtime';
export { setupTokenState, userCount } from './setup';

// The signed-in user for server components (layouts and pages). Pages call requireViewer so nothing renders for a
// signed-out visitor even if proxy.ts was bypassed; the data itself is guarded again by every API route.

export async function getServerViewer(): Promise<Viewer | null> {
  return (await serverIdentity())?.user ?? null;
}

/** Once per request: the layout and the page both ask. */
const serverIdentity = cache(async () => {
  const identity = await resolveIdentityCached(await getAuthPair(), await headers(), null, { refresh: false });
  return identity.kind === 'user' ? identity : null;
});

/**
 * The viewer, or a redirect to /sign-in that comes back to `path` afterwards. Someone still on a temporary password
 * goes to /change-password instead (that page passes `allowTemporaryPassword`).
 */
export async function requireViewer(path: string, opts: { allowTemporaryPassword?: boolean } = {}): Promise<Viewer> {
  const identity = await serverIdentity();
  if (!identity) redirect(path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`);
  if (identity.passwordChangeRequired && !opts.allowTemporaryPassword) redirect('/change-password');
  return identity.user;
}

/** Only same-site paths are followed after sign-in (never `//host` or a full URL). */
export function safeNextPath(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
