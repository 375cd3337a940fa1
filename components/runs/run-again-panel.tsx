'use client';

import dynamic from 'next/dynamic';
import type { Run } from '@/lib/contract';
import { runAgainForm } from '@/lib/view/run-again';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/spinner';

// The create-run form (and its validation) loads when "Run again" is pressed, not with every run page.
const CreateRunForm = dynamic(() => import('@/components/forms/create-run-form').then((m) => m.CreateRunForm), {
  loading: () => <SkeletonRows rows={4} label="create run form" />,
});

/** The create-run form with the run's settings filled in (loaded when "Run again" is pressed). */
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
