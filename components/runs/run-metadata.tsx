'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { Run } from '@/lib/contract';
import { useCapabilities } from '@/lib/queries/capabilities';
import { Button } from '@/components/ui/button';
import { RoleGate } from '@/components/layout/role-gate';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/spinner';
import { useHydrated } from '@/components/ui/use-hydrated';

// The editor is code only "Edit metadata" needs: it loads when asked for, not with the page.
const MetadataForm = dynamic(() => import('./run-metadata-form').then((m) => m.RunMetadataForm), {
  loading: () => <SkeletonRows rows={2} label="metadata editor" />,
});

/** The run's metadata, and "Edit metadata" (the one field of a run that can change, in any status). */
export function RunMetadata({ run }: { run: Run }) {
  const [editing, setEditing] = useState(false);
  const hydrated = useHydrated();
  const caps = useCapabilities();
  const cannotUpdate = caps.modifyRun === 'unsupported';
  const entries = Object.entries(run.metadata ?? {});
  return (
    <Card
      title="Metadata"
      id="run-metadata"
      testId="run-metadata"
      actions={
        editing || cannotUpdate ? null : (
          <RoleGate ability="operate" action="edit metadata">
            <Button size="sm" onClick={() => setEditing(true)} disabled={!hydrated} data-testid="edit-metadata">
              Edit metadata
            </Button>
          </RoleGate>
        )
      }
    >
      {cannotUpdate ? (
        <p className="mb-2 text-sm text-muted" data-testid="metadata-unsupported">
          This server cannot update runs, so the metadata cannot be edited here.
        </p>
      ) : null}
      {editing && !cannotUpdate ? (
        <MetadataForm run={run} onDone={() => setEditing(false)} />
      ) : entries.length === 0 ? (
        <p className="text-sm text-muted">No metadata.</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(0,max-content)_minmax(0,1fr)]" data-testid="metadata-list">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="max-w-48 font-mono text-xs wrap-anywhere text-muted">{k}</dt>
              <dd className="min-w-0 wrap-anywhere">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
