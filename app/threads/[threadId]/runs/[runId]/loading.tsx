import { AppShell } from '@/components/layout/app-shell';
import { RunViewerSkeleton } from '@/components/runs/run-viewer-skeleton';

export default function RunLoading() {
  return (
    <AppShell>
      <RunViewerSkeleton />
    </AppShell>
  );
}
