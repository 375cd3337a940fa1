import type { ReactNode } from 'react';
import { cn } from './cn';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

// Text in a status colour on a tint of the same colour falls just under WCAG AA (4.5:1) for the light theme's amber
// and green; mixing a quarter of the foreground in darkens it in light mode and lightens it in dark mode, so the
// same class passes in both themes (checked with axe in the e2e suite).
export const toneText: Record<Tone, string> = {
  neutral: 'text-foreground',
  info: 'text-[color-mix(in_oklab,var(--info)_75%,var(--foreground))]',
  success: 'text-[color-mix(in_oklab,var(--success)_70%,var(--foreground))]',
  warning: 'text-[color-mix(in_oklab,var(--warning)_65%,var(--foreground))]',
  danger: 'text-[color-mix(in_oklab,var(--danger)_80%,var(--foreground))]',
  accent: 'text-[color-mix(in_oklab,var(--accent)_80%,var(--foreground))]',
};

const tones: Record<Tone, string> = {
  neutral: 'border-border bg-surface-muted',
  info: 'border-info/40 bg-info/10',
  success: 'border-success/40 bg-success/10',
  warning: 'border-warning/40 bg-warning/10',
  danger: 'border-danger/40 bg-danger/10',
  accent: 'border-accent/40 bg-accent/10',
};

export function Badge({ tone = 'neutral', className, title, children }: { tone?: Tone; className?: string; title?: string; children: ReactNode }) {
  return (
    <span
      title={title}
      className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', tones[tone], toneText[tone], className)}
    >
      {children}
    </span>
  );
}
