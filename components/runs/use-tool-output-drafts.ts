'use client';

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';

// Typed tool outputs are kept in this tab's sessionStorage, one entry per run + tool call, so a reload (or a crash,
// or a wrong click) does not lose them; they are dropped once the outputs are sent. sessionStorage stays in the tab:
// another tab or person never sees them.
const key = (runId: string, callId: string) => `runboard.tool-output.${runId}.${callId}`;

function read(runId: string, callIds: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (const id of callIds) {
      const v = window.sessionStorage.getItem(key(runId, id));
      if (v !== null) out[id] = v;
    }
  } catch {
    // Storage disabled: drafts simply are not kept.
  }
  return out;
}

const noSubscribe = () => () => undefined;

/** Outputs by call id: what was typed here, else the tab's saved draft (read after hydration, none on the server). */
export function useToolOutputDrafts(runId: string, callIds: readonly string[]) {
  const ids = callIds.join(',');
  // A string snapshot (stable between renders) of the drafts saved before this page loaded.
  const savedJson = useSyncExternalStore(noSubscribe, () => JSON.stringify(read(runId, ids.split(','))), () => '{}');
  const saved = useMemo(() => JSON.parse(savedJson) as Record<string, string>, [savedJson]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const outputs = useMemo(() => ({ ...saved, ...edits }), [saved, edits]);
  const restored = Object.keys(saved).filter((id) => saved[id] && edits[id] === undefined).length;

  function setOutput(callId: string, value: string) {
    setEdits((prev) => ({ ...prev, [callId]: value }));
    try {
      if (value === '') window.sessionStorage.removeItem(key(runId, callId));
      else window.sessionStorage.setItem(key(runId, callId), value);
    } catch {
      // Storage full or disabled: the form still works, the draft is just not kept.
    }
  }

  function clearDrafts() {
    try {
      for (const id of ids.split(',')) window.sessionStorage.removeItem(key(runId, id));
    } catch {
      // nothing kept, nothing to clear
    }
  }

  return { outputs, setOutput, clearDrafts, restored };
}

/**
 * Asks before leaving while `dirty`: the browser's own prompt for reloads, closing and typed URLs (beforeunload), and
 * a confirm for in-app links (Next's router does not fire beforeunload), caught on the document before the router.
 */
export function useLeaveGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}
