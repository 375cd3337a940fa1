import type { ReactNode } from 'react';
import { cn } from './cn';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

// Tinted background + strong text in the same token keeps contrast in both themes (text uses the full colour).
const tones: Record<Tone, string> = {
  neutral: 'border-border bg-surface-muted text-foreground',
  info: 'border-info/40 bg-info/10 text-info',
  success: 'border-success/40 bg-success/10 text-success',
  warning: 'border-warning/40 bg-warning/10 text-warning',
  danger: 'border-danger/40 bg-danger/10 text-danger',
  accent: 'border-accent/40 bg-accent/10 text-accent',
};

export function Badge({ tone = 'neutral', className, title, children }: { tone?: Tone; className?: string; title?: string; children: ReactNode }) {
  return (
    <span
      title={title}
      className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', tones[tone], className)}
    >
      {children}
    </span>
  );
}
