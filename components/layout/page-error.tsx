'use client';

import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';

/** Body of an error boundary: what broke, the message, the digest to find it in the server log, retry and home. */
export function PageError({ error, reset, title = 'Something went wrong' }: { error: Error & { digest?: string }; reset: () => void; title?: string }) {
  return (
    <div role="alert" data-testid="page-error" className="rounded-lg border border-danger/40 bg-danger/5 p-6">
      <h1 className="text-xl font-semibold text-danger">{title}</h1>
      <p className="mt-2 text-sm break-words">{error.message || 'An unexpected error occurred.'}</p>
      {error.digest ? <p className="mt-1 text-xs text-muted">Reference for the server log: <span className="font-mono">{error.digest}</span></p> : null}
      <div className="mt-4 flex gap-2">
        <Button variant="primary" onClick={reset}>Try again</Button>
        <Link prefetch={false} href="/" className={buttonClasses('secondary')}>Home</Link>
      </div>
    </div>
  );
}
