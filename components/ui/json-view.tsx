'use client';

import { useMemo } from 'react';
import { cn } from './cn';
import { CopyButton } from './copy-button';

/** Pretty JSON; strings that contain JSON (function arguments, tool outputs) can be unpacked with `parseStrings`. */
export function toPrettyJson(value: unknown, parseStrings = false): string {
  if (parseStrings && typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Raw JSON with a copy button. `collapsible` wraps it in <details> (closed by default) so big payloads don't push
 * the page; the summary is keyboard-operable natively.
 */
export function JsonView({
  value,
  label = 'JSON',
  collapsible = false,
  defaultOpen = false,
  parseStrings = false,
  maxHeightClass = 'max-h-96',
  className,
  testId,
}: {
  value: unknown;
  label?: string;
  collapsible?: boolean;
  defaultOpen?: boolean;
  parseStrings?: boolean;
  maxHeightClass?: string;
  className?: string;
  testId?: string;
}) {
  const text = useMemo(() => toPrettyJson(value, parseStrings), [value, parseStrings]);
  const body = (
    <div className="relative">
      <div className="absolute top-1 right-1">
        <CopyButton value={text} label={`Copy ${label}`} className="bg-surface" />
      </div>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <pre tabIndex={0}
        aria-label={label}
        data-testid={testId}
        className={cn('overflow-auto rounded-md border border-border bg-surface-muted p-3 pr-9 font-mono text-xs leading-relaxed', maxHeightClass)}
      >
        {text}
      </pre>
    </div>
  );
  if (!collapsible) return <div className={className}>{body}</div>;
  return (
    <details className={cn('group', className)} open={defaultOpen}>
      <summary className="cursor-pointer text-sm text-muted select-none hover:text-foreground">{label}</summary>
      <div className="mt-2">{body}</div>
    </details>
  );
}
