'use client';

import { ErrorState } from '@/components/ui/error-state';

/** Last-resort boundary: a rendering bug on the run page shows the error and a retry instead of a blank page. */
export default function RunError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">The run page failed</h1>
      <ErrorState
        error={error}
        title="Something on this page broke while showing the run"
        hint={error.digest ? <p>Reference: <span className="font-mono">{error.digest}</span></p> : null}
        onRetry={reset}
      />
    </>
  );
}
