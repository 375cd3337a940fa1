'use client';

import { useState } from 'react';
import type { Run } from '@/lib/contract';
import { useViewer } from '@/lib/queries/viewer';
import { RUN_AGAIN_STATUSES } from '@/lib/view/run-shapes';
import { can } from '@/lib/view/roles';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';

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

export function useRunAgain() {
  const [open, setOpen] = useState(false);
  return { open, toggle: () => setOpen((o) => !o) };
}
