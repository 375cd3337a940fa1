import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { loadConnectionData, loadInboxCountData } from '@/lib/server/page-data/pages';
import { Prefetched } from '@/lib/server/page-data/prefetched';
import { AppShell } from '@/components/layout/app-shell';
import { ConnectionIndicator, ConnectionIndicatorPending } from '@/components/layout/connection-indicator';
import { InboxCountLink, InboxLinkPending } from '@/components/layout/inbox-count-link';
import { ServerClockSeed } from '@/components/layout/server-clock-seed';
import { upstreamNowMs } from '@/lib/server/page-data/upstream-clock';
import { getServerViewer } from '@/lib/auth/viewer';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Runboard', template: '%s · Runboard' },
  description: 'Inspect and operate Assistants-API threads and runs.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getServerViewer();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers viewer={viewer}>
          <ServerClockSeed upstreamNowMs={await upstreamNowMs()} />
          <AppShell
            indicator={
              // The header's connection dot with its check done on the server; streamed, so no page waits for it.
              // Signed out, there is no header status (and nothing to prefetch).
              viewer ? (
                <Prefetched load={loadConnectionData} fallback={<ConnectionIndicatorPending />}>
                  <ConnectionIndicator />
                </Prefetched>
              ) : null
            }
            inboxLink={
              viewer ? (
                <Prefetched load={loadInboxCountData} fallback={<InboxLinkPending />}>
                  <InboxCountLink />
                </Prefetched>
              ) : null
            }
          >
            {children}
          </AppShell>
        </Providers>
      </body>
    </html>
  );
}
