'use client';

import { useSyncExternalStore } from 'react';

// Which zone absolute times are shown in: the viewer's own (default) or UTC. Remembered in localStorage and shared
// by every time on the page and by other tabs. Null during SSR and hydration (times then show UTC, as the server did).

export type TimeZoneChoice = 'local' | 'utc';
const KEY = 'runboard.timeZone';
const listeners = new Set<() => void>();

function read(): TimeZoneChoice {
  try {
    return localStorage.getItem(KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    return 'local'; // storage blocked: the default still works
  }
}

let current: TimeZoneChoice | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useTimeZoneChoice(): TimeZoneChoice | null {
  return useSyncExternalStore<TimeZoneChoice | null>(subscribe, () => (current ??= read()), () => null);
}

export function setTimeZoneChoice(choice: TimeZoneChoice): void {
  current = choice;
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // not remembered, but applied for this page
  }
  for (const l of listeners) l();
}

/** The viewer's zone as a short name ("GMT+1", "CET"), for the toggle's label. */
export function localZoneName(): string {
  return new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? 'local';
}
