'use client';

import { lazy, Suspense } from 'react';
import type { MessageContent } from '@/lib/contract';
import { MessageParts, type MarkdownRenderer } from './message-parts';

// The Markdown renderer (react-markdown + remark-gfm) is its own chunk, fetched when a message is first shown.
const MessageMarkdown = lazy(() => import('./message-markdown').then((m) => ({ default: m.MessageMarkdown })));

// Until the renderer has loaded, the text shows as written.
const lazyMarkdown: MarkdownRenderer = ({ source, footnotes, plain }) => (
  <Suspense fallback={plain}>
    <MessageMarkdown source={source} footnotes={footnotes} />
  </Suspense>
);

/** One content part: text (annotated), image file (through the proxy), image URL, refusal, or raw JSON if unknown. */
export function MessageContentPart(props: { part: MessageContent; messageId: string; raw?: boolean }) {
  return <MessageParts {...props} markdown={lazyMarkdown} />;
}
