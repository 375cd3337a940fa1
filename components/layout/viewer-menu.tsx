'use client';

import Link from 'next/link';
import { Button } from '@/components/ui';
import { useSignOut, useViewer } from '@/lib/queries/viewer';
import type { ReactNode } from 'react';
import { can, ROLE_LABEL, type Viewer } from '@/lib/view/roles';
import { TimeZoneToggle } from '@/components/ui/time-zone-toggle';
import { ConnectionIndicator } from './connection-indicator';
import { AdminInboxLinks, InboxCountLink } from './inbox-count-link';

/** The header's right side once signed in: the inbox link, the audit log link (operators and up), the connection dot
 * and the viewer menu (nothing when signed out). The layout passes the inbox link and the dot with their data
 * prefetched on the server; without them they fetch in the browser. */
export function HeaderStatus({ indicator, inboxLink }: { indicator?: ReactNode; inboxLink?: ReactNode }) {
  const viewer = useViewer();
  if (!viewer) return null;
  return (
    <nav aria-label="Main" className="flex min-w-0 items-center gap-2 sm:gap-4">
      {inboxLink ?? <InboxCountLink />}
      {/* On a phone the audit log link moves into the viewer menu: the header must fit 390 px. */}
      {can(viewer, 'operate') ? (
        <Link href="/audit" className="hidden shrink-0 text-sm whitespace-nowrap text-muted hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-accent sm:inline">
          Audit log
        </Link>
      ) : null}
      {indicator ?? <ConnectionIndicator />}
      <TimeZoneToggle />
      <ViewerMenu viewer={viewer} />
    </nav>
  );
}

/** Who is signed in (name, role) with sign out and sign out everywhere. */
function ViewerMenu({ viewer }: { viewer: Viewer }) {
  const signOut = useSignOut();
  const leave = (everywhere: boolean) => signOut.mutate({ everywhere }, { onSettled: () => window.location.assign('/sign-in') });
  return (
    <details className="relative shrink-0" data-testid="viewer-menu">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent"
        aria-label={`Signed in as ${viewer.name || viewer.email} (${ROLE_LABEL[viewer.role]})`}
      >
        <span aria-hidden className="flex size-6 items-center justify-center rounded-full bg-accent text-xs font-semibold text-accent-foreground">
          {(viewer.name || viewer.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-40 truncate sm:inline" data-testid="viewer-name">
          {viewer.name || viewer.email}
        </span>
        <span className="rounded bg-surface-muted px-1.5 py-0.5 text-xs text-muted" data-testid="viewer-role">
          {ROLE_LABEL[viewer.role]}
        </span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 flex w-64 flex-col gap-2 rounded-md border border-border bg-surface p-3 shadow-lg">
        <p className="text-sm">
          <span className="block font-medium break-words">{viewer.name}</span>
          <span className="block text-xs break-all text-muted">{viewer.email}</span>
        </p>
        <div className="flex flex-col gap-1 border-y border-border py-2 text-sm">
          <Link href="/profile" className="rounded px-1 py-0.5 hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent">
            Profile and API tokens
          </Link>
          {can(viewer, 'operate') ? (
            <Link href="/audit" className="rounded px-1 py-0.5 hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent sm:hidden">
              Audit log
            </Link>
          ) : null}
          {can(viewer, 'admin') ? (
            <Link href="/admin/users" className="rounded px-1 py-0.5 hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent">
              People
            </Link>
          ) : null}
          {can(viewer, 'admin') ? <AdminInboxLinks /> : null}
        </div>
        <Button size="sm" variant="secondary" busy={signOut.isPending} onClick={() => leave(false)}>
          Sign out
        </Button>
        <Button size="sm" variant="ghost" busy={signOut.isPending} onClick={() => leave(true)}>
          Sign out everywhere
        </Button>
      </div>
    </details>
  );
}
