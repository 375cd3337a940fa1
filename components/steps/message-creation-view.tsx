'use client';

import { useQuery } from '@tanstack/react-query';
import { isKnownMessageContent, type MessageContent } from '@/lib/contract';
import { fileContentUrl, messageQueryOptions } from '@/lib/queries/run';
import { CopyableId } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { JsonView } from '@/components/ui/json-view';
import { Skeleton } from '@/components/ui/spinner';

/** The message a message_creation step wrote, fetched when the step is opened (re-read while it is being written). */
export function MessageCreationView({ threadId, messageId, stepRunning }: { threadId: string; messageId: string; stepRunning: boolean }) {
  const q = useQuery({ ...messageQueryOptions(threadId, messageId), refetchInterval: stepRunning ? 2_000 : false });
  return (
    <div className="flex flex-col gap-2" data-testid="message-creation">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        Message <CopyableId value={messageId} label="Copy message id" />
        {q.data?.status ? <span>· {q.data.status}</span> : null}
        {q.data?.incomplete_details?.reason ? <span className="text-warning">· incomplete: {q.data.incomplete_details.reason}</span> : null}
      </div>
      {q.isPending ? <Skeleton className="h-16 w-full" /> : null}
      {q.error ? <ErrorState error={q.error} title="Could not load the message" compact onRetry={() => q.refetch()} retrying={q.isFetching} /> : null}
      {q.data ? (
        q.data.content.length === 0 ? (
          <p className="text-sm text-muted">The message has no content{stepRunning ? ' yet' : ''}.</p>
        ) : (
          <div className="flex flex-col gap-2" data-testid="message-content">
            {q.data.content.map((part, i) => (
              <ContentPart key={i} part={part} />
            ))}
          </div>
        )
      ) : null}
    </div>
  );
}

function ContentPart({ part }: { part: MessageContent }) {
  if (!isKnownMessageContent(part)) return <JsonView value={part} label={`Content part of type ${part.type}`} />;
  switch (part.type) {
    case 'text': {
      const annotations = part.text.annotations ?? [];
      return (
        <div className="rounded-md border border-border bg-surface p-2.5">
          <p className="text-sm whitespace-pre-wrap break-words">{part.text.value}</p>
          {annotations.length > 0 ? (
            <ul className="mt-2 flex flex-col gap-0.5 border-t border-border pt-1.5 text-xs text-muted">
              {annotations.map((a, i) => (
                <li key={i}>
                  <span className="font-mono">{'text' in a ? String(a.text) : ''}</span> →{' '}
                  {a.type === 'file_citation' && 'file_citation' in a
                    ? `cites ${(a.file_citation as { file_id: string }).file_id}`
                    : a.type === 'file_path' && 'file_path' in a
                      ? `file ${(a.file_path as { file_id: string }).file_id}`
                      : a.type}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    }
    case 'image_file':
      return (
        // oxlint-disable-next-line nextjs/no-img-element -- bytes stream from our proxy (/api/v1/files)
        <img
          src={fileContentUrl(part.image_file.file_id)}
          alt={`Attachment shown in the message, file ${part.image_file.file_id}`}
          loading="lazy"
          className="max-h-96 max-w-full self-start rounded-md border border-border"
        />
      );
    case 'image_url':
      return (
        <p className="text-sm">
          Image URL:{' '}
          <a href={part.image_url.url} target="_blank" rel="noreferrer noopener" className="break-all text-accent underline">
            {part.image_url.url}
          </a>
        </p>
      );
    case 'refusal':
      return <p className="rounded-md border border-warning/40 bg-warning/10 p-2.5 text-sm">Refusal: {part.refusal}</p>;
  }
}
