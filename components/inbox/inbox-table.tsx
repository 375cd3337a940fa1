'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useClaimRun } from '@/lib/queries/claims';
import type { InboxItem } from '@/lib/queries/inbox';
import { useViewer } from '@/lib/queries/viewer';
import { inboxKeyAction, reselect } from '@/lib/view/inbox-keyboard';
import { can } from '@/lib/view/roles';
import { runHref } from '@/lib/view/hrefs';
import { useSecondClock } from '@/components/runs/use-second-clock';
import { InboxRow } from './inbox-row';

/**
 * The stuck runs, longest-stuck first (the server's order). Keyboard: j/k (or ↑/↓ on a row) move, Enter opens the
 * run, c claims it — not while typing in a field. The selection follows the same run when the list refreshes.
 */
export function InboxTable({ items }: { items: InboxItem[] }) {
  const router = useRouter();
  // Run times are on the upstream's clock (an emulator's can be moved): the second clock follows it.
  const second = useSecondClock();
  const now = second === null ? null : second * 1000;
  const viewer = useViewer();
  const claim = useClaimRun();
  // The selection is a run (kept when the list refreshes) and the row it was on (used when that run leaves).
  const [selection, setSelection] = useState<{ runId: string | null; index: number }>({ runId: null, index: -1 });
  const body = useRef<HTMLTableSectionElement>(null);
  const index = reselect(selection.runId, items.map((i) => i.run_id), selection.index);
  const canClaim = can(viewer, 'operate');

  const select = (i: number) => setSelection({ runId: items[i]?.run_id ?? null, index: i });

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = inboxKeyAction(event, event.target as HTMLElement | null, index, items.length);
    const item = action ? items[action.index] : undefined;
    if (!action || !item) return;
    if (action.kind === 'move') {
      event.preventDefault();
      select(action.index);
      body.current?.querySelectorAll<HTMLTableRowElement>('tr')[action.index]?.focus();
    } else if (action.kind === 'open') {
      event.preventDefault();
      router.push(runHref(item.thread_id, item.run_id));
    } else if (action.kind === 'claim' && canClaim && !item.claim) {
      event.preventDefault();
      claim.mutate({ runId: item.run_id, threadId: item.thread_id });
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="md:overflow-x-auto">
      <table className="w-full text-left max-md:block md:min-w-[56rem]" data-testid="inbox-table">
        <caption className="sr-only">Stuck and ended-badly runs, longest stuck first. Press j or k to move, Enter to open, c to claim.</caption>
        <thead className="border-b border-border text-xs text-muted max-md:sr-only">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 font-medium">Thread and reason</th>
            <th scope="col" className="px-3 py-2 font-medium">In this state</th>
            <th scope="col" className="px-3 py-2 font-medium">Claimed by</th>
            <th scope="col" className="px-3 py-2 font-medium">Last note</th>
          </tr>
        </thead>
        <tbody ref={body} className="max-md:block">
          {items.map((item, i) => (
            <InboxRow
              key={item.run_id}
              item={item}
              now={now}
              selected={i === index}
              onSelect={() => select(i)}
            />
          ))}
        </tbody>
      </table>
      {claim.error ? (
        <p role="alert" className="px-3 py-2 text-sm text-danger" data-testid="inbox-claim-error">
          {claim.error.message}
        </p>
      ) : null}
    </div>
  );
}
