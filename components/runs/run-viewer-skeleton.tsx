import { PageHeader, type Crumb } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { Skeleton, SkeletonRows } from '@/components/ui/spinner';

/** Page-shaped placeholder while the run page waits for a slow upstream. */
export function RunViewerSkeleton({ crumbs }: { crumbs?: Crumb[] }) {
  return (
    <div className="flex flex-col gap-5" data-testid="run-viewer-loading">
      <PageHeader crumbs={crumbs} title="Run" subtitle={<Skeleton className="h-4 w-64" />} />
      <output aria-label="Loading the run" className="flex flex-col gap-3">
        <Skeleton className="h-5 w-3/4" />
        <Skeleton className="h-16 w-full" />
      </output>
      <Card title="Status timeline">
        <Skeleton className="h-7 w-full" />
      </Card>
      <RunViewerSkeleton.Steps />
    </div>
  );
}

RunViewerSkeleton.Steps = function StepsSkeleton() {
  return (
    <Card title="Steps">
      <SkeletonRows rows={5} label="steps" />
    </Card>
  );
};
