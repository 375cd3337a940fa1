'use client';

import { useRef, useState } from 'react';
import type { Run } from '@/lib/contract';
import { useCancelRun } from '@/lib/queries/run-mutations';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { runStatusLook } from '@/components/ui/run-status-badge';
import { useHydrated } from '@/components/ui/use-hydrated';
import { AuditNoteField, checkNote } from '@/components/forms/audit-note-field';
import { RoleNote } from '@/components/layout/role-gate';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';

const CANCELLABLE = new Set(['queued', 'in_progress', 'requires_action']);

/**
 * "Cancel run" with a confirmation that says what will happen (best-effort; cancelling → cancelled; unlocks) and asks
 * why: the reason is required and goes to the audit log and the run's history.
 */
export function CancelRun({ run }: { run: Run }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const mutation = useCancelRun(run.thread_id, run.id);
  // A double click delivers both clicks before React re-renders the busy button: this flag is set synchronously.
  const sending = useRef(false);
  const hydrated = useHydrated();
  const viewer = useViewer();
  if (!CANCELLABLE.has(run.status) && !mutation.isPending) return null;
  if (!can(viewer, 'operate')) return <RoleNote ability="operate" action="cancel runs" className="self-center" />;
  const pendingCalls = run.required_action?.submit_tool_outputs?.tool_calls?.length ?? 0;
  return (
    <>
      <Button variant="danger" onClick={() => { mutation.reset(); setOpen(true); }} data-testid="cancel-run" busy={mutation.isPending} disabled={!hydrated}>
        Cancel run
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Cancel this run?"
        testId="cancel-run-dialog"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>
              Keep it running
            </Button>
            <Button
              variant="danger"
              busy={mutation.isPending}
              data-testid="confirm-cancel-run"
              onClick={() => {
                if (sending.current || mutation.isPending) return;
                const checked = checkNote(reason, true);
                if (!checked.ok) {
                  setReasonError(checked.message);
                  document.getElementById('cancel-reason')?.focus();
                  return;
                }
                setReasonError(null);
                sending.current = true;
                mutation.mutate(
                  { reason: checked.note! },
                  {
                    onSuccess: () => { setOpen(false); setReason(''); },
                    onSettled: () => { sending.current = false; },
                  },
                );
              }}
            >
              Cancel run
            </Button>
          </>
        }
      >
        <ul className="flex list-disc flex-col gap-1.5 pl-5">
          <li>
            The server is asked to stop <span className="font-mono text-xs">{run.id}</span>, which is now {runStatusLook(run.status).label}.
          </li>
          <li>
            Cancellation is best-effort: the run shows <strong>cancelling</strong> until the server confirms <strong>cancelled</strong>, and it may
            still complete, fail or expire if it was about to.
          </li>
          {pendingCalls > 0 ? <li>The {pendingCalls} pending tool call{pendingCalls === 1 ? '' : 's'} will not be answered.</li> : null}
          <li>The thread stays locked until the run ends; then new messages and runs are accepted again.</li>
        </ul>
        <div className="mt-4">
          <AuditNoteField id="cancel-reason" required value={reason} onChange={(v) => { setReason(v); if (reasonError) setReasonError(null); }} error={reasonError} label="Why cancel it?" />
        </div>
        {mutation.error ? <ErrorState error={mutation.error} title="The server refused to cancel" compact className="mt-3" /> : null}
      </Dialog>
    </>
  );
}
