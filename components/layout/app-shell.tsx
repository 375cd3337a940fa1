import Link from 'next/link';
import type { ReactNode } from 'react';
import { HeaderStatus } from './viewer-menu';

/**
 * Header (brand, connection dot, who is signed in) + main landmark with a skip link; every page renders inside it.
 * The layout passes the indicator and the inbox link with their data prefetched on the server (see HeaderStatus).
 */
export function AppShell({ children, indicator, inboxLink }: { children: ReactNode; indicator?: ReactNode; inboxLink?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent px-3 py-2 text-accent-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-12 max-w-7xl items-center justify-between gap-3 px-4">
          <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-accent">
            <svg aria-hidden viewBox="0 0 20 20" className="size-5 text-accent" fill="currentColor">
              <rect x="2" y="3" width="16" height="3" rx="1.5" />
              <rect x="2" y="8.5" width="11" height="3" rx="1.5" />
              <rect x="2" y="14" width="6" height="3" rx="1.5" />
            </svg>
            Runboard
          </Link>
          <HeaderStatus indicator={indicator} inboxLink={inboxLink} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
