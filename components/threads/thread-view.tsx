'use client';

import { useQuery } from '@tanstack/react-query';
import { isApiRequestError } from '@/lib/queries/api-error';
import { latestRunQueryOptions } from '@/lib/queries/runs-list';
import { threadQueryOptions } from '@/lib/queries/threads';
import { threadTabTitle } from '@/lib/view/tab-title';
import { isActiveStatus } from '@/lib/view/thread-run-row';
import type { ThreadPageParams } from '@/lib/view/thread-page-params';
import { PageHeader } from '@/components/layout/page-header';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { useDocumentTitle } from '@/components/ui/use-document-title';
import { ActivityHistory } from '@/components/runs/activity-history';
import { CreateRunPanel } from './create-run-panel';
import { MessagesPanel } from './messages-panel';
import { RunsPanel } from './runs-panel';
import { ThreadFacts } from './thread-facts';
import { ThreadLockBanner } from './thread-lock-banner';
import { ThreadNotFound } from './thread-not-found';
import { ThreadTeamPanel } from '@/components/inbox/thread-team-panel';
import { WatchThreadButton } from '@/components/inbox/watch-thread-button';
import { metadataTitle } from '@/lib/view/thread-title';

/** The thread page: facts, lock banner, runs, create run, conversation. Each panel loads and fails on its own. */
export function ThreadView({ threadId, params }: { threadId: string; params: ThreadPageParams }) {
  const thread = useQuery(threadQueryOptions(threadId));
  const latest = useQuery(latestRunQueryOptions(threadId));
  const locked = Boolean(latest.data && isActiveStatus(latest.data.status));

  const title = thread.data ? metadataTitle(thread.data.metadata) : null;
  useDocumentTitle(thread.data ? threadTabTitle({ id: threadId, title }, locked ? latest.data?.status : null) : null);

  if (thread.error && isApiRequestError(thread.error) && thread.error.status === 404) {
    return <ThreadNotFound threadId={threadId} error={thread.error} />;
  }

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        crumbs={[{ label: 'Home', href: '/' }, { label: threadId }]}
        title={title ?? 'Thread'}
        subtitle={
          <span className="inline-flex max-w-full items-center font-mono text-xs">
            <span className="min-w-0 break-all">{threadId}</span>
            <CopyButton value={threadId} label="Copy thread id" />
          </span>
        }
        actions={<WatchThreadButton threadId={threadId} />}
      />
      <ThreadLockBanner threadId={threadId} />
      <RunsPanel threadId={threadId} params={params} />
      {/* Full width: the form has many fields and is unreadable in a side column. */}
      <CreateRunPanel threadId={threadId} locked={locked} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <MessagesPanel threadId={threadId} params={params} live={locked} />
        <div className="flex min-w-0 flex-col gap-5">
          {thread.isPending ? (
            <SkeletonRows rows={4} label="thread" />
          ) : thread.error ? (
            <ErrorState error={thread.error} onRetry={() => thread.refetch()} retrying={thread.isFetching} />
          ) : (
            <ThreadFacts thread={thread.data} />
          )}
          <ThreadTeamPanel threadId={threadId} />
          <ActivityHistory threadId={threadId} />
        </div>
      </div>
    </div>
  );
}
