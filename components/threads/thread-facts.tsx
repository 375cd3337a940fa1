'use client';

import type { Thread } from '@/lib/contract';
import { Card, Facts } from '@/components/ui/card';
import { CopyableId } from '@/components/ui/copy-button';
import { JsonView } from '@/components/ui/json-view';
import { RelativeTime } from '@/components/ui/relative-time';

function MetadataList({ metadata }: { metadata: Record<string, unknown> | null | undefined }) {
  const entries = Object.entries(metadata ?? {});
  if (entries.length === 0) return <span className="text-muted">none</span>;
  return (
    <ul className="flex min-w-0 flex-wrap gap-1.5">
      {entries.map(([k, v]) => (
        <li key={k} className="max-w-full rounded border border-border bg-surface-muted px-1.5 py-0.5 font-mono text-xs wrap-anywhere">
          <span className="text-muted">{k}:</span> {typeof v === 'string' ? v : JSON.stringify(v)}
        </li>
      ))}
    </ul>
  );
}

function IdList({ ids }: { ids: readonly string[] | null | undefined }) {
  if (!ids?.length) return <span className="text-muted">none</span>;
  return (
    <span className="flex flex-wrap gap-x-3">
      {ids.map((id) => (
        <CopyableId key={id} value={id} />
      ))}
    </span>
  );
}

/** Created, metadata and tool resources of a thread, with its raw JSON. */
export function ThreadFacts({ thread }: { thread: Thread }) {
  const tr = thread.tool_resources as { code_interpreter?: { file_ids?: string[] | null } | null; file_search?: { vector_store_ids?: string[] | null } | null } | null | undefined;
  return (
    <Card title="Thread" id="thread-facts" testId="thread-facts">
      <Facts
        items={[
          { label: 'Thread id', value: <CopyableId value={thread.id} label="Copy thread id" /> },
          { label: 'Created', value: <RelativeTime value={thread.created_at} /> },
          { label: 'Metadata', value: <MetadataList metadata={thread.metadata} /> },
          { label: 'Code interpreter files', value: <IdList ids={tr?.code_interpreter?.file_ids} /> },
          { label: 'File search vector stores', value: <IdList ids={tr?.file_search?.vector_store_ids} /> },
        ]}
      />
      <JsonView value={thread} label="Raw thread JSON" collapsible className="mt-3" />
    </Card>
  );
}
