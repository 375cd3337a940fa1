'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Message } from '@/lib/contract';
import { fileContentUrl } from '@/lib/queries/run';
import { runHref } from '@/lib/view/hrefs';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { MessageContentPart } from './message-content';

/** A message in the conversation: role, time, the run that wrote it, content, attachments, status if not done. */
export function MessageItem({ message, threadId }: { message: Message; threadId: string }) {
  const isUser = message.role === 'user';
  const attachments = message.attachments ?? [];
  // v1 messages name their files in `file_ids` (v2 moved them to attachments); older threads still carry them.
  const fileIds = message.file_ids ?? [];
  const hasText = message.content.some((part) => part.type === 'text');
  const [raw, setRaw] = useState(false);
  return (
    <li
      id={message.id}
      data-testid="message"
      data-role={message.role}
      className={cn('flex min-w-0 flex-col gap-2 rounded-lg border p-3', isUser ? 'border-border bg-surface-muted sm:mr-12' : 'border-accent/30 bg-surface sm:ml-12')}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
        <Badge tone={isUser ? 'neutral' : 'accent'}>{message.role}</Badge>
        <RelativeTime value={message.created_at} />
        {message.status && message.status !== 'completed' ? (
          <Badge tone={message.status === 'incomplete' ? 'warning' : 'info'}>
            {message.status}
            {message.incomplete_details?.reason ? `: ${message.incomplete_details.reason}` : ''}
          </Badge>
        ) : null}
        {message.run_id ? (
          <span>
            written by{' '}
            <Link prefetch={false} href={runHref(threadId, message.run_id)} className="font-mono break-all text-accent hover:underline">
              {message.run_id}
            </Link>
          </span>
        ) : (
          <span>added by hand (no run)</span>
        )}
        <span className="ml-auto inline-flex min-w-0 items-center gap-2">
          {hasText ? (
            <button
              type="button"
              aria-pressed={raw}
              onClick={() => setRaw((r) => !r)}
              className="rounded border border-border px-1.5 py-0.5 hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent"
              data-testid="message-raw-toggle"
            >
              {raw ? 'Formatted' : 'Raw'}
            </button>
          ) : null}
          <span className="inline-flex min-w-0 items-center font-mono">
            <span className="min-w-0 break-all">{message.id}</span>
            <CopyButton value={message.id} label={`Copy ${message.id}`} />
          </span>
        </span>
      </div>
      <div className="flex flex-col gap-2 text-sm">
        {message.content.length === 0 ? <p className="text-muted italic">(empty)</p> : null}
        {message.content.map((part, i) => (
          <MessageContentPart key={i} part={part} messageId={message.id} raw={raw} />
        ))}
      </div>
      {fileIds.length ? (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Files (file_ids)" data-testid="message-file-ids">
          {fileIds.map((id) => (
            <li key={id} className="max-w-full rounded border border-border px-1.5 py-0.5 wrap-anywhere">
              📄 <a href={fileContentUrl(id)} target="_blank" rel="noopener noreferrer" className="font-mono text-accent hover:underline">{id}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {attachments.length ? (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Attachments">
          {attachments.map((a, i) => (
            <li key={`${a.file_id ?? ''}:${i}`} className="max-w-full rounded border border-border px-1.5 py-0.5 wrap-anywhere">
              📎 <span className="font-mono">{a.file_id ?? 'no file id'}</span>
              {a.tools?.length ? <span className="text-muted"> for {a.tools.map((t) => t.type).join(', ')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
