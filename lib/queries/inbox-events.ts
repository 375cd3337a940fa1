'use client';
/**
 * The inbox's server push (GET /api/inbox/events, Server-Sent Events): ONE EventSource per tab, shared by every
 * component that asks (the header count, the inbox page). On `inbox` events it writes the new counts into the cache
 * and invalidates the inbox and the changed runs' claims and notes, so react-query refetches them from Runboard;
 * browsers never poll the upstream. The stream reconnects on its own (the server sends `retry: 3000`); a stream the
 * browser gave up on (CLOSED) is reopened after a pause.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { InboxCounts, WatcherState } from './inbox';
import { queryKeys } from './keys';

export type InboxStreamStatus = 'connecting' | 'live' | 'reconnecting';
export type InboxStreamState = { status: InboxStreamStatus; counts: InboxCounts | null; watcher: WatcherState | null; version: number | null };

type Changed = { run_id?: string; thread_id?: string };

const INITIAL: InboxStreamState = { status: 'connecting', counts: null, watcher: null, version: null };
const REOPEN_MS = 5_000;

let state: InboxStreamState = INITIAL;
let source: EventSource | null = null;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let client: QueryClient | null = null;
let helloSeen = false;
const listeners = new Set<() => void>();

function set(next: Partial<InboxStreamState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    return null;
  }
}

function applyCounts(counts: InboxCounts | undefined) {
  if (!counts) return;
  client?.setQueryData(queryKeys.inboxCount(), counts);
}

function invalidate(changed: Changed[]) {
  if (!client) return;
  void client.invalidateQueries({ queryKey: queryKeys.inbox() });
  for (const c of changed) {
    if (c.run_id) void client.invalidateQueries({ queryKey: queryKeys.runClaim(c.run_id) });
    if (c.thread_id) {
      void client.invalidateQueries({ queryKey: queryKeys.threadClaims(c.thread_id) });
      void client.invalidateQueries({ queryKey: queryKeys.notes(c.thread_id) });
    }
  }
}

function open() {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/inbox/events');
  source = es;
  es.addEventListener('open', () => set({ status: 'live' }));
  es.addEventListener('hello', (event) => {
    const data = parse<{ version?: number; counts?: InboxCounts; watcher?: WatcherState }>(event as MessageEvent);
    set({ status: 'live', counts: data?.counts ?? state.counts, watcher: data?.watcher ?? state.watcher, version: data?.version ?? null });
    applyCounts(data?.counts);
    // Back after a drop: whatever changed meanwhile was not pushed, so refresh once.
    if (helloSeen) invalidate([]);
    helloSeen = true;
  });
  es.addEventListener('inbox', (event) => {
    const data = parse<{ version?: number; counts?: InboxCounts; changed?: Changed[] }>(event as MessageEvent);
    set({ status: 'live', counts: data?.counts ?? state.counts, version: data?.version ?? state.version });
    applyCounts(data?.counts);
    invalidate(data?.changed ?? []);
  });
  es.addEventListener('watcher', (event) => {
    const watcher = parse<WatcherState>(event as MessageEvent);
    if (watcher) set({ watcher });
  });
  es.addEventListener('error', () => {
    set({ status: 'reconnecting' });
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      source = null;
      clearTimeout(reopenTimer);
      reopenTimer = setTimeout(() => listeners.size > 0 && open(), REOPEN_MS);
    }
  });
}

function close() {
  clearTimeout(reopenTimer);
  source?.close();
  source = null;
  helloSeen = false;
  state = INITIAL;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    // Unsubscribe/resubscribe happens on every navigation between pages that both show the count: keep the stream
    // open a moment so it is not torn down and reopened each time.
    setTimeout(() => {
      if (listeners.size === 0) close();
    }, 1_000);
  };
}

const SERVER_STATE: InboxStreamState = INITIAL;

/** The tab's inbox stream: live / reconnecting, the latest counts and the watcher's state. */
export function useInboxStream(): InboxStreamState {
  const queryClient = useQueryClient();
  useEffect(() => {
    client = queryClient;
  }, [queryClient]);
  return useSyncExternalStore(subscribe, () => state, () => SERVER_STATE);
}
