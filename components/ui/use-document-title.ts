'use client';

import { useEffect } from 'react';

/**
 * Sets the tab's title from live data ("requires action · run_…abcd · Billing Support · Runboard"). The page's own
 * metadata gives a plainer title for the first HTML; this takes over once the data is on screen and follows it.
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · Runboard`;
  }, [title]);
}
