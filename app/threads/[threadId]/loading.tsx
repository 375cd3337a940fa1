import { SkeletonRows } from '@/components/ui/spinner';

export default function ThreadLoading() {
  return (
    <div className="flex flex-col gap-5">
      <div className="h-7 w-64 animate-pulse rounded bg-surface-muted" />
      <SkeletonRows rows={10} label="thread" />
    </div>
  );
}
