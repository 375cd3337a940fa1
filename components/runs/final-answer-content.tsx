import type { Message } from '@/lib/contract';
import { MessageParts, type MarkdownRenderer } from '@/components/threads/message-parts';
import { MessageMarkdown } from '@/components/threads/message-markdown';

// The final answer's content rendered on the server (a server component): an ended run's answer no longer changes,
// so its Markdown arrives as HTML and the browser does not load the Markdown renderer to show it.

const serverMarkdown: MarkdownRenderer = ({ source, footnotes }) => <MessageMarkdown source={source} footnotes={footnotes} />;

export function FinalAnswerContent({ message }: { message: Message }) {
  return (
    <>
      {message.content.map((part, i) => (
        <MessageParts key={i} part={part} messageId={message.id} markdown={serverMarkdown} />
      ))}
    </>
  );
}
