'use client';

import type { Run, RunStep } from '@/lib/contract';
import { Card } from '@/components/ui/card';
import { JsonView } from '@/components/ui/json-view';

/** Everything the server sent, copyable: support pastes this into tickets. */
export function RunRawJson({ run, steps }: { run: Run; steps: readonly RunStep[] | null }) {
  return (
    <Card title="Raw JSON" id="run-raw-json" testId="run-raw-json">
      <div className="flex flex-col gap-2">
        <JsonView value={run} label="Run JSON" collapsible testId="run-json" />
        {steps ? <JsonView value={steps} label={`Steps JSON (${steps.length})`} collapsible testId="steps-json" /> : null}
      </div>
    </Card>
  );
}
