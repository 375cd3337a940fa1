import Link from 'next/link';
import { runHref } from '@/lib/view/thread-search';
import { CopyButton } from '@/components/ui/copy-button';

/** A run's id as a link to its page, with a copy button (runs table and the runs-seen list). */
export function RunIdLink({ threadId, runId }: { threadId: string; runId: string }) {
  return (
    <>
      <Link href={runHref(threadId, runId)} className="font-mono text-xs text-accent hover:underline" data-testid="run-link">
        {runId}
      </Link>
      <CopyButton value={runId} label={`Copy ${runId}`} />
    </>
  );
}
