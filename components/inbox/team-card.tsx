'use client';

import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/spinner';
import { NotesPanel } from '@/components/notes/notes-panel';

/**
 * The run and thread pages' "who is on it" card: the claims (as the page's query allows: loading, its error, then
 * `children` with the data) above the notes of the same thread or run.
 */
export function TeamCard<T>({
  title,
  id,
  query,
  noun,
  threadId,
  runId,
  children,
}: {
  title: string;
  /** The card's anchor and test id. */
  id: string;
  query: UseQueryResult<T>;
  /** What the query loads, for its error ("the claim", "the claims"). */
  noun: string;
  threadId: string;
  runId?: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <Card title={title} id={id} testId={id}>
      <div className="flex flex-col gap-4">
        {query.isPending ? (
          <Skeleton className="h-8 w-48" />
        ) : query.error ? (
          <p className="text-sm text-danger">
            Could not load {noun}: {query.error.message}
          </p>
        ) : (
          children(query.data)
        )}
        <NotesPanel threadId={threadId} runId={runId} />
      </div>
    </Card>
  );
}
