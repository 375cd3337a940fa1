'use client';

import type { MessageContent } from '@/lib/contract';
import { isKnownMessageContent } from '@/lib/contract/kinds';
import { segmentAnnotatedText, type AnnotationLike } from '@/lib/view/thread-message-text';
import { fileContentUrl } from '@/lib/queries/run';
import { JsonView } from '@/components/ui/json-view';
import { toneText } from '@/components/ui/badge';

/** Text with annotation placeholders turned into numbered markers, and the footnotes naming the cited files. */
function AnnotatedText({ value, annotations, messageId }: { value: string; annotations: readonly AnnotationLike[] | null | undefined; messageId: string }) {
  const { segments, footnotes } = segmentAnnotatedText(value, annotations);
  return (
    <div>
      <p className="break-words whitespace-pre-wrap">
        {segments.map((s, i) =>
          s.kind === 'text' ? (
            <span key={i}>{s.text}</span>
          ) : (
            <a
              key={i}
              href={`#${messageId}-fn-${s.marker}`}
              title={s.placeholder}
              className="mx-0.5 rounded bg-accent px-1 align-super text-[0.7em] font-semibold text-accent-foreground no-underline hover:underline"
              aria-label={`annotation ${s.marker}`}
            >
              [{s.marker}]
            </a>
          ),
        )}
      </p>
      {footnotes.length ? (
        <ol className="mt-2 space-y-0.5 border-t border-border pt-2 text-xs text-muted" aria-label="Annotations">
          {footnotes.map((f) => (
            <li key={f.marker} id={`${messageId}-fn-${f.marker}`} className="break-all">
              [{f.marker}] {f.type === 'file_path' ? 'file' : 'cites'}{' '}
              {f.fileId ? (
                <a href={fileContentUrl(f.fileId)} className="font-mono text-accent hover:underline" target="_blank" rel="noreferrer">
                  {f.fileId}
                </a>
              ) : (
                <span className="font-mono">unknown file</span>
              )}
              {f.quote ? <> — “{f.quote}”</> : null}
              {f.placeholder ? <span className="ml-1 font-mono">({f.placeholder})</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** One content part: text (annotated), image file (through the proxy), image URL, refusal, or raw JSON if unknown. */
export function MessageContentPart({ part, messageId }: { part: MessageContent; messageId: string }) {
  if (!isKnownMessageContent(part)) return <JsonView value={part} label={`Content of type "${part.type}" (not interpreted)`} collapsible defaultOpen />;
  switch (part.type) {
    case 'text':
      return <AnnotatedText value={part.text.value} annotations={part.text.annotations as AnnotationLike[] | null | undefined} messageId={messageId} />;
    case 'image_file':
      return (
        <figure className="flex flex-col gap-1">
          {/* eslint-disable-next-line @next/next/no-img-element -- bytes come through our proxy; no optimisation wanted */}
          <img src={fileContentUrl(part.image_file.file_id)} alt={`File ${part.image_file.file_id} from the message`} className="max-h-64 max-w-full rounded border border-border" loading="lazy" />
          <figcaption className="font-mono text-xs text-muted">{part.image_file.file_id}</figcaption>
        </figure>
      );
    case 'image_url':
      return (
        <p className="text-sm">
          Image URL:{' '}
          <a href={part.image_url.url} className="break-all text-accent hover:underline" target="_blank" rel="noreferrer noopener">
            {part.image_url.url}
          </a>
        </p>
      );
    case 'refusal':
      return (
        <p className="rounded border border-warning/40 bg-warning/10 p-2 text-sm">
          <span className={`font-semibold ${toneText.warning}`}>Refusal: </span>
          {part.refusal}
        </p>
      );
  }
}
