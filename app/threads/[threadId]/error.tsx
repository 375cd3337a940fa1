'use client';

import { PageError } from '@/components/layout/page-error';

export default function ThreadError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError error={error} reset={reset} title="The thread page failed to render" />;
}
