import type { ReactNode } from 'react';
import Markdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CopyButton } from '@/components/ui/copy-button';

// Message text as GitHub-flavoured Markdown. In the browser it is loaded on demand with the messages (React.lazy in
// message-content), so pages that show no message never download the parser; the server renders it too (an ended
// run's final answer, see final-answer-content.tsx), so no directive: it runs on either side. Raw HTML in a message is never rendered (react-markdown
// shows it as text without rehype-raw); unsafe link protocols are dropped by its default URL transform.

type HastNode = { type: string; value?: string; children?: HastNode[] };

/** The text of a hast node: what a code block's copy button copies. */
function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function CodeBlock({ children, node }: { children?: ReactNode } & ExtraProps) {
  const code = textOf(node as HastNode | undefined).replace(/\n$/, '');
  return (
    <div className="relative my-2">
      <div className="absolute top-1 right-1">
        <CopyButton value={code} label="Copy code" className="bg-surface" />
      </div>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable: must be reachable by keyboard (axe) */}
      <pre tabIndex={0} className="overflow-x-auto rounded-md border border-border bg-surface-muted p-3 pr-9 font-mono text-xs leading-relaxed" data-testid="message-code-block">
        {children}
      </pre>
    </div>
  );
}

function components(footnotes: ReadonlyMap<string, string>): Components {
  const heading = ({ children }: { children?: ReactNode }) => <p className="mt-3 mb-1 font-semibold">{children}</p>;
  return {
    p: ({ children }) => <p className="my-1.5 whitespace-pre-wrap wrap-anywhere first:mt-0 last:mb-0">{children}</p>,
    // A message's headings are not the page's: bold lines, so the page outline stays the page's own.
    h1: heading,
    h2: heading,
    h3: heading,
    h4: heading,
    h5: heading,
    h6: heading,
    ul: ({ children }) => <ul className="my-1.5 list-disc pl-5">{children}</ul>,
    ol: ({ children, start }) => <ol start={start} className="my-1.5 list-decimal pl-5">{children}</ol>,
    li: ({ children }) => <li className="wrap-anywhere">{children}</li>,
    blockquote: ({ children }) => <blockquote className="my-2 border-l-2 border-border pl-3 text-muted">{children}</blockquote>,
    hr: () => <hr className="my-3 border-border" />,
    pre: CodeBlock,
    code: ({ children, className }) =>
      className ? <code className={className}>{children}</code> : <code className="rounded bg-surface-muted px-1 py-0.5 font-mono text-[0.85em] wrap-anywhere">{children}</code>,
    table: ({ children }) => (
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable: must be reachable by keyboard (axe)
      <div tabIndex={0} className="my-2 max-w-full overflow-x-auto">
        <table className="border-collapse text-left text-xs">{children}</table>
      </div>
    ),
    th: ({ children, style }) => <th style={style} className="border border-border bg-surface-muted px-2 py-1 font-semibold">{children}</th>,
    td: ({ children, style }) => <td style={style} className="border border-border px-2 py-1 align-top">{children}</td>,
    // No third-party images load from a message (tracking pixels): the link is offered instead.
    img: ({ src, alt }) =>
      typeof src === 'string' && src ? (
        <a href={src} target="_blank" rel="noopener noreferrer" className="text-accent underline wrap-anywhere">
          image: {alt || src}
        </a>
      ) : (
        <span>{alt}</span>
      ),
    a: ({ href, children }) => {
      const footnote = href?.startsWith('#') ? footnotes.get(href.slice(1)) : undefined;
      if (href && footnote !== undefined) {
        return (
          <a
            href={href}
            title={footnote}
            className="mx-0.5 rounded bg-accent px-1 align-super text-[0.7em] font-semibold text-accent-foreground no-underline hover:underline"
            // "[1]" alone says little to a screen reader; a cited link's own words say enough.
            aria-label={typeof children === 'string' && /^\[\d+\]$/.test(children) ? `annotation ${href.slice(href.lastIndexOf('-') + 1)}` : undefined}
          >
            {children}
          </a>
        );
      }
      return (
        <a href={href} target="_blank" rel="noopener noreferrer" className="text-accent underline wrap-anywhere">
          {children}
        </a>
      );
    },
  };
}

/**
 * Renders `source` as Markdown. `footnotes` maps footnote anchors (`<message id>-fn-<n>`) to the placeholder text
 * they replaced: links to those anchors are drawn as citation markers.
 */
export function MessageMarkdown({ source, footnotes }: { source: string; footnotes: ReadonlyMap<string, string> }) {
  return (
    <div className="min-w-0 wrap-anywhere" data-testid="message-markdown">
      <Markdown remarkPlugins={[remarkGfm]} components={components(footnotes)}>
        {source}
      </Markdown>
    </div>
  );
}
