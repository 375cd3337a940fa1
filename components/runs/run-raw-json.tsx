'use client';

import { useState, type ReactNode } from 'react';
import type { Run, RunStep } from '@/lib/contract';
import { Card } from '@/components/ui/card';
import { JsonView } from '@/components/ui/json-view';

/**
 * Everything the server sent, copyable: support pastes this into tickets. Rendered only once opened: the steps of
 * a long run are hundreds of KB of text that would otherwise sit in the DOM (and be re-serialised) unseen.
 */
export function RunRawJson({ run, steps }: { run: Run; steps: readonly RunStep[] | null }) {
  return (
    <Card title="Raw JSON" id="run-raw-json" testId="run-raw-json">
      <div className="flex flex-col gap-2">
        <LazyDetails summary="Run JSON">{() => <JsonView value={run} label="Run JSON" testId="run-json" />}</LazyDetails>
        {steps ? (
          <LazyDetails summary={`Steps JSON (${steps.length})`}>{() => <JsonView value={steps} label="Steps JSON" testId="steps-json" />}</LazyDetails>
        ) : null}
      </div>
    </Card>
  );
}

function LazyDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm text-muted select-none hover:text-foreground">{summary}</summary>
      {open ? <div className="mt-2">{children()}</div> : null}
    </details>
  );
}
