import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import './globals.css';
import { currentPageRequest } from '@/lib/server/page-data/context';
import { loadConnectionData } from '@/lib/server/page-data/pages';
import { AppShell } from '@/components/layout/app-shell';
import { ConnectionIndicator } from '@/components/layout/connection-indicator';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Runboard', template: '%s · Runboard' },
  description: 'Inspect and operate Assistants-API threads and runs.',
};

/** The header's connection dot with its check done on the server; streamed, so no page waits for the check. */
async function PrefetchedConnectionIndicator() {
  const state = await loadConnectionData(await currentPageRequest());
  return (
    <HydrationBoundary state={state}>
      <ConnectionIndicator />
    </HydrationBoundary>
  );
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers>
          <AppShell
            indicator={
              <Suspense fallback={<ConnectionIndicator />}>
                <PrefetchedConnectionIndicator />
              </Suspense>
            }
          >
            {children}
          </AppShell>
        </Providers>
      </body>
    </html>
  );
}
