import { cn } from './cn';

export function Spinner({ label = 'Loading', className }: { label?: string; className?: string }) {
  return (
    <output className={cn('inline-flex items-center gap-2 text-sm text-muted', className)}>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
      <span>{label}…</span>
    </output>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden className={cn('block animate-pulse rounded bg-surface-muted', className)} />;
}

/** Rows of grey bars shaped like a table while data loads; announces "Loading <label>". */
export function SkeletonRows({ rows = 6, label = 'content', className }: { rows?: number; label?: string; className?: string }) {
  return (
    <output aria-label={`Loading ${label}`} className={cn('block space-y-2', className)}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </output>
  );
}
