import type { ReactNode } from 'react';
import type { MessageContent } from '@/lib/contract';
import { isKnownMessageContent } from '@/lib/contract/kinds';
import { footnoteAnchor, markdownWithMarkers, segmentAnnotatedText, type AnnotationLike } from '@/lib/view/thread-message-text';
import { fileContentUrl } from '@/lib/queries/run';
import { JsonView } from '@/components/ui/json-view';
import { toneText } from '@/components/ui/badge';

// A message's content parts, shared by the browser (message-content.tsx, which loads the Markdown renderer on demand)
// and the server (the run page renders an ended run's final answer there, so the browser need not load it).

/** Renders Markdown text; `plain` is the text as written (citations as markers), for a renderer that is still loading. */
export type MarkdownRenderer = (props: { source: string; footnotes: ReadonlyMap<string, string>; plain: ReactNode }) => ReactNode;

/**
 * Text as Markdown with annotation placeholders turned into numbered markers, and the footnotes naming the cited
 * files. `raw` shows the exact text instead (placeholders and Markdown as written).
 */
function AnnotatedText({
  value,
  annotations,
  messageId,
  raw,
  markdown,
}: {
  value: string;
  annotations: readonly AnnotationLike[] | null | undefined;
  messageId: string;
  raw: boolean;
  markdown: MarkdownRenderer;
}) {
  const { segments, footnotes } = segmentAnnotatedText(value, annotations);
  const markers = new Map(segments.flatMap((s) => (s.kind === 'marker' ? [[footnoteAnchor(messageId, s.marker), s.placeholder] as const] : [])));
  // While the renderer loads: the text as written, with the citation placeholders already shown as their markers.
  const plain = (
    <p className="whitespace-pre-wrap wrap-anywhere">
      {segments.map((s, i) => (s.kind === 'marker' ? <sup key={i} title={s.placeholder}>[{s.marker}]</sup> : s.text))}
    </p>
  );
  return (
    <div className="min-w-0">
      {raw ? (
        <pre className="rounded-md border border-border bg-surface-muted p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere" data-testid="message-raw">
          {value}
        </pre>
      ) : (
        markdown({ source: markdownWithMarkers(segments, messageId), footnotes: markers, plain })
      )}
      {footnotes.length ? (
        <ol className="mt-2 space-y-0.5 border-t border-border pt-2 text-xs text-muted" aria-label="Annotations">
          {footnotes.map((f) => (
            <li key={f.marker} id={footnoteAnchor(messageId, f.marker)} className="break-all">
              [{f.marker}] {f.type === 'file_path' ? 'file' : 'cites'}{' '}
              {f.fileId ? (
                <a href={fileContentUrl(f.fileId)} className="font-mono text-accent hover:underline" target="_blank" rel="noopener noreferrer">
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
export function MessageParts({ part, messageId, raw = false, markdown }: { part: MessageContent; messageId: string; raw?: boolean; markdown: MarkdownRenderer }) {
  if (!isKnownMessageContent(part)) return <JsonView value={part} label={`Content of type "${part.type}" (not interpreted)`} collapsible defaultOpen />;
  switch (part.type) {
    case 'text':
      return <AnnotatedText value={part.text.value} annotations={part.text.annotations as AnnotationLike[] | null | undefined} messageId={messageId} raw={raw} markdown={markdown} />;
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
