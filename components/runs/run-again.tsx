'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { Run } from '@/lib/contract';
import { useViewer } from '@/lib/queries/viewer';
import { RUN_AGAIN_STATUSES, runAgainForm } from '@/lib/view/run-again';
import { can } from '@/lib/view/roles';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/spinner';
import { useHydrated } from '@/components/ui/use-hydrated';

// The create-run form (and its validation) loads when "Run again" is pressed, not with every run page.
const CreateRunForm = dynamic(() => import('@/components/forms/create-run-form').then((m) => m.CreateRunForm), {
  loading: () => <SkeletonRows rows={4} label="create run form" />,
});

/** "Run again" for a failed, expired, cancelled or incomplete run: the create-run form with its settings filled in. */
export function RunAgainButton({ run, open, onToggle }: { run: Run; open: boolean; onToggle: () => void }) {
  const hydrated = useHydrated();
  const viewer = useViewer();
  if (!RUN_AGAIN_STATUSES.has(run.status) || !can(viewer, 'operate')) return null;
  return (
    <Button onClick={onToggle} disabled={!hydrated} aria-expanded={open} aria-controls="run-again" data-testid="run-again">
      {open ? 'Close run again' : 'Run again…'}
    </Button>
  );
}

export function RunAgainPanel({ run }: { run: Run }) {
  return (
    <Card id="run-again" title="Run again on this thread" testId="run-again-panel">
      <p className="mb-3 text-sm text-muted">
        A new run on the same thread with this run&apos;s settings (assistant, model, instructions, tools, limits, metadata). Change anything before
        creating it; messages already on the thread are not added again.
      </p>
      <CreateRunForm threadId={run.thread_id} initial={runAgainForm(run)} />
    </Card>
  );
}

export function useRunAgain() {
  const [open, setOpen] = useState(false);
  return { open, toggle: () => setOpen((o) => !o) };
}
