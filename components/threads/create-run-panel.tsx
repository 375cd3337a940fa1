'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CreateRunForm } from '@/components/forms/create-run-form';
import { toneText } from '@/components/ui/badge';
import { RoleNote } from '@/components/layout/role-gate';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';

/** "New run" on the thread, folded away until asked for (the page is about reading first). */
export function CreateRunPanel({ threadId, locked }: { threadId: string; locked: boolean }) {
  const [open, setOpen] = useState(false);
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
        <Button size="sm" variant={open ? 'ghost' : 'primary'} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="create-run-body">
          {open ? 'Close' : 'New run…'}
        </Button>
      }
    >
      <div id="create-run-body">
        {locked ? (
          <p className={`mb-3 text-sm ${toneText.warning}`}>An active run locks this thread: the upstream will refuse a new run until it ends or is cancelled.</p>
        ) : null}
        {open ? <CreateRunForm threadId={threadId} /> : <p className="text-sm text-muted">Start a run on this thread with any assistant, overrides and metadata.</p>}
      </div>
    </Card>
  );
}
