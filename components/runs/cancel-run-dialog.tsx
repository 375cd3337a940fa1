'use client';

import type { RefObject } from 'react';
import type { Run } from '@/lib/contract';
import type { useCancelRun } from '@/lib/queries/run-mutations';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { runStatusLook } from '@/components/ui/run-status-badge';
import { AuditNoteField, checkNote } from '@/components/forms/audit-note-field';

type Props = {
  run: Run;
  open: boolean;
  onClose: () => void;
  mutation: ReturnType<typeof useCancelRun>;
  /** Set before the request leaves, so a double click sends one cancel. */
  sendingRef: RefObject<boolean>;
  reason: string;
  setReason: (reason: string) => void;
  reasonError: string | null;
  setReasonError: (error: string | null) => void;
};

/** The cancel confirmation: what will happen, and why (required). Its state lives in CancelRun, so it survives a close. */
export function CancelRunDialog({ run, open, onClose, mutation, sendingRef, reason, setReason, reasonError, setReasonError }: Props) {
  const pendingCalls = run.required_action?.submit_tool_outputs?.tool_calls?.length ?? 0;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Cancel this run?"
      testId="cancel-run-dialog"
      footer={
        <>
          <Button onClick={onClose}>
            Keep it running
          </Button>
          <Button
            variant="danger"
            busy={mutation.isPending}
            data-testid="confirm-cancel-run"
            onClick={() => {
              if (sendingRef.current || mutation.isPending) return;
              const checked = checkNote(reason, true);
              if (!checked.ok) {
                setReasonError(checked.message);
                document.getElementById('cancel-reason')?.focus();
                return;
              }
              setReasonError(null);
              sendingRef.current = true;
              mutation.mutate(
                { reason: checked.note! },
                {
                  onSuccess: () => { onClose(); setReason(''); },
                  onSettled: () => { sendingRef.current = false; },
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
  );
}
