import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Viewer } from '@/lib/view/roles';
import { getAuthPair } from './runtime';
import { resolveIdentity } from './session';

export { getAuthPair } from './runtime';
export { setupTokenState, userCount } from './setup';

// The signed-in user for server components (layouts and pages). Pages call requireViewer so nothing renders for a
// signed-out visitor even if proxy.ts was bypassed; the data itself is guarded again by every API route.

export async function getServerViewer(): Promise<Viewer | null> {
  const identity = await resolveIdentity(await getAuthPair(), await headers(), null, { refresh: false });
  return identity.kind === 'user' ? identity.user : null;
}

/** The viewer, or a redirect to /sign-in that comes back to `path` afterwards. */
export async function requireViewer(path: string): Promise<Viewer> {
  const viewer = await getServerViewer();
  if (!viewer) redirect(path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`);
  return viewer;
}

/** Only same-site paths are followed after sign-in (never `//host` or a full URL). */
export function safeNextPath(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
