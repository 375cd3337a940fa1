import { CopyButton } from '@/components/ui/copy-button';
import { cn } from '@/components/ui/cn';

/** A labelled, scrollable, copyable monospace block (arguments, outputs, code, logs). */
export function CodeBlock({ label, text, testId, className }: { label: string; text: string; testId?: string; className?: string }) {
  return (
    <figure className={cn('flex min-w-0 flex-col gap-1', className)}>
      <figcaption className="flex items-center justify-between text-xs text-muted">
        <span>{label}</span>
        <CopyButton value={text} label={`Copy ${label.toLowerCase()}`} />
      </figcaption>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <pre tabIndex={0}
        data-testid={testId}
        className="max-h-80 overflow-auto rounded-md border border-border bg-surface-muted p-2.5 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words"
      >
        {text || ' '}
      </pre>
    </figure>
  );
}
