'use client';

import { CopyButton } from '@/components/ui/copy-button';

/**
 * A secret shown exactly once (a new token, a temporary password, an invite link): selectable monospace text with a
 * copy button and the warning that it will not be shown again.
 */
export function SecretReveal({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="font-medium">{label}</p>
      <div className="flex items-start gap-1 rounded-md border border-border bg-surface-muted p-2">
        <code data-testid={testId} className="min-w-0 flex-1 font-mono text-xs break-all select-all">
          {value}
        </code>
        <CopyButton value={value} label="Copy" showText />
      </div>
      <p className="text-xs text-muted" role="note">
        {note}
      </p>
    </div>
  );
}
