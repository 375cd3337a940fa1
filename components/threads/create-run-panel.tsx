'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useThreadLock } from '@/lib/queries/thread-lock';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/spinner';
import { useHydrated } from '@/components/ui/use-hydrated';
import { toneText } from '@/components/ui/badge';
import { RoleNote } from '@/components/layout/role-gate';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';

// The form (fields, pickers, validation) loads when "New run…" is pressed, not with the thread page.
const CreateRunForm = dynamic(() => import('@/components/forms/create-run-form').then((m) => m.CreateRunForm), {
  loading: () => <SkeletonRows rows={4} label="create run form" />,
});

/** "New run" on the thread, folded away until asked for (the page is about reading first). */
export function CreateRunPanel({ threadId, locked }: { threadId: string; locked: boolean }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  // Also knows the lock when the server cannot list runs (from the runs Runboard has seen active here).
  const lock = useThreadLock(threadId);
  const fromStore = lock.source === 'runboard' && lock.runs.length > 0;
  const mayCreate = can(useViewer(), 'operate');
  if (!mayCreate) {
    return (
      <Card id="create-run" title="Create run">
        <RoleNote ability="operate" action="create runs" />
      </Card>
    );
  }
  return (
    <Card
      id="create-run"
      title="Create run"
      actions={
        <Button size="sm" variant={open ? 'ghost' : 'primary'} onClick={() => setOpen((o) => !o)} disabled={!hydrated} aria-expanded={open} aria-controls="create-run-body">
          {open ? 'Close' : 'New run…'}
        </Button>
      }
    >
      <div id="create-run-body">
        {locked || lock.runs.length > 0 ? (
          <p className={`mb-3 text-sm ${toneText.warning}`} data-testid="create-run-locked">
            {lock.runs.length > 1 ? `${lock.runs.length} active runs lock this thread` : 'An active run locks this thread'}: the Assistants API refuses a new run until
            {lock.runs.length > 1 ? ' they end or are cancelled (this server lets several run at once).' : ' it ends or is cancelled.'}
            {fromStore ? ' Runboard knows this from the runs it has seen here, because this server cannot list runs.' : ''}
          </p>
        ) : null}
        {open ? <CreateRunForm threadId={threadId} /> : <p className="text-sm text-muted">Start a run on this thread with any assistant, overrides and metadata.</p>}
      </div>
    </Card>
  );
}
