'use client';

import { useEffect } from 'react';

/**
 * Sets the tab's title from live data ("requires action · run_…abcd · Billing Support · Runboard"). The page's own
 * metadata gives a plainer title for the first HTML; this takes over once the data is on screen and follows it.
 * Next streams metadata and may write its plainer title after this effect ran, so the live title is put back.
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (!title) return;
    const wanted = `${title} · Runboard`;
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
}
