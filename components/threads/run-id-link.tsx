import Link from 'next/link';
import { runHref } from '@/lib/view/hrefs';
import { CopyButton } from '@/components/ui/copy-button';

// Links in lists (runs, threads, messages, history) never prefetch: every page is dynamic and polls, so viewport
// prefetches of a table's rows were fetched, then aborted by the next navigation or refetch (console noise and
// upstream calls for nothing). Navigation links (header, breadcrumbs, pagination) keep Next's default, which only
// fetches the route's loading state, so a click shows it at once.

/** A run's id as a link to its page, with a copy button (runs table and the runs-seen list). */
export function RunIdLink({ threadId, runId }: { threadId: string; runId: string }) {
  return (
    <>
      <Link prefetch={false} href={runHref(threadId, runId)} className="font-mono text-xs text-accent hover:underline" data-testid="run-link">
        {runId}
      </Link>
      <CopyButton value={runId} label={`Copy ${runId}`} />
    </>
  );
}
