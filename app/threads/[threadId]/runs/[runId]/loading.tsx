import { RunViewerSkeleton } from '@/components/runs/run-viewer-skeleton';

export default function RunLoading() {
  return <RunViewerSkeleton />;
}
