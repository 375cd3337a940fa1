import { SkeletonRows } from '@/components/ui/spinner';

/** Page-shaped placeholder while the thread's first data is on its way from a slow upstream. */
export function ThreadViewSkeleton() {
  return (
    <div className="flex flex-col gap-5">
      <div className="h-7 w-64 animate-pulse rounded bg-surface-muted" />
      <SkeletonRows rows={10} label="thread" />
    </div>
  );
}
