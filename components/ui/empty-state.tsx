import type { ReactNode } from 'react';
import { cn } from './cn';

export function EmptyState({ title, description, action, className, testId }: { title: string; description?: ReactNode; action?: ReactNode; className?: string; testId?: string }) {
  return (
    <div data-testid={testId ?? 'empty-state'} className={cn('flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-4 py-8 text-center', className)}>
      <p className="font-medium">{title}</p>
      {description ? <div className="max-w-prose text-sm text-muted">{description}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
