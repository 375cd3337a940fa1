'use client';

import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import type { Run } from '@/lib/contract';
import { useCancelRun } from '@/lib/queries/run-mutations';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { RoleNote } from '@/components/layout/role-gate';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';

// The confirmation (its text, the reason field, the dialog) loads when someone first opens it: most run pages show a
// run that has ended and never offer it.
const CancelRunDialog = dynamic(() => import('./cancel-run-dialog').then((m) => m.CancelRunDialog), { ssr: false });

const CANCELLABLE = new Set(['queued', 'in_progress', 'requires_action']);

/**
 * "Cancel run" with a confirmation that says what will happen (best-effort; cancelling → cancelled; unlocks) and asks
 * why: the reason is required and goes to the audit log and the run's history.
 */
export function CancelRun({ run }: { run: Run }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const mutation = useCancelRun(run.thread_id, run.id);
  // A double click delivers both clicks before React re-renders the busy button: this flag is set synchronously.
  const sending = useRef(false);
  const hydrated = useHydrated();
  const viewer = useViewer();
  if (!CANCELLABLE.has(run.status) && !mutation.isPending) return null;
  if (!can(viewer, 'operate')) return <RoleNote ability="operate" action="cancel runs" className="self-center" />;
  return (
    <>
      <Button variant="danger" onClick={() => { mutation.reset(); setOpen(true); setOpened(true); }} data-testid="cancel-run" busy={mutation.isPending} disabled={!hydrated}>
        Cancel run
      </Button>
      {opened ? (
        <CancelRunDialog
          run={run}
          open={open}
          onClose={() => setOpen(false)}
          mutation={mutation}
          sendingRef={sending}
          reason={reason}
          setReason={setReason}
          reasonError={reasonError}
          setReasonError={setReasonError}
        />
      ) : null}
    </>
  );
}
