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
/** The part of EventSource the stream uses (a fake in unit tests). */
export type EventSourceLike = {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
};

export const INBOX_EVENTS_URL = '/api/inbox/events';
const CLOSED = 2;
const INITIAL: InboxStreamState = { status: 'connecting', counts: null, watcher: null, version: null };

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    return null;
  }
}

/**
 * The tab's stream as an external store. `open` makes the EventSource; timers are injectable for tests. The stream
 * opens with the first subscriber and closes a moment after the last one leaves (navigating between two pages that
 * both show the count must not reconnect).
 */
export function createInboxStream(deps: {
  open: (url: string) => EventSourceLike;
  reopenMs?: number;
  lingerMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}) {
  const { open, reopenMs = 5_000, lingerMs = 1_000 } = deps;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let state = INITIAL;
  let source: EventSourceLike | null = null;
  let reopenTimer: unknown = null;
  let client: QueryClient | null = null;
  let helloSeen = false;
  const listeners = new Set<() => void>();

  const set = (next: Partial<InboxStreamState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const applyCounts = (counts: InboxCounts | undefined) => {
    if (counts) client?.setQueryData(queryKeys.inboxCount(), counts);
  };
  const invalidate = (changed: Changed[]) => {
    if (!client) return;
    void client.invalidateQueries({ queryKey: queryKeys.inbox() });
    for (const c of changed) {
      if (c.run_id) void client.invalidateQueries({ queryKey: queryKeys.runClaim(c.run_id) });
      if (c.thread_id) {
        void client.invalidateQueries({ queryKey: queryKeys.threadClaims(c.thread_id) });
        void client.invalidateQueries({ queryKey: queryKeys.notes(c.thread_id) });
      }
    }
  };

  const connect = () => {
    if (source) return;
    const es = open(INBOX_EVENTS_URL);
    source = es;
    es.addEventListener('open', () => set({ status: 'live' }));
    es.addEventListener('hello', (event) => {
      const data = parse<{ version?: number; counts?: InboxCounts; watcher?: WatcherState }>(event);
      set({ status: 'live', counts: data?.counts ?? state.counts, watcher: data?.watcher ?? state.watcher, version: data?.version ?? null });
      applyCounts(data?.counts);
      // Back after a drop: whatever changed meanwhile was not pushed, so refresh once.
      if (helloSeen) invalidate([]);
      helloSeen = true;
    });
    es.addEventListener('inbox', (event) => {
      const data = parse<{ version?: number; counts?: InboxCounts; changed?: Changed[] }>(event);
      set({ status: 'live', counts: data?.counts ?? state.counts, version: data?.version ?? state.version });
      applyCounts(data?.counts);
      invalidate(data?.changed ?? []);
    });
    es.addEventListener('watcher', (event) => {
      const watcher = parse<WatcherState>(event);
      if (watcher) set({ watcher });
    });
    es.addEventListener('error', () => {
      set({ status: 'reconnecting' });
      if (es.readyState !== CLOSED) return; // the browser retries by itself
      es.close();
      source = null;
      if (reopenTimer !== null) clearTimer(reopenTimer);
      reopenTimer = setTimer(() => {
        reopenTimer = null;
        if (listeners.size > 0) connect();
      }, reopenMs);
    });
  };

  const disconnect = () => {
    if (reopenTimer !== null) clearTimer(reopenTimer);
    reopenTimer = null;
    source?.close();
    source = null;
    helloSeen = false;
    state = INITIAL;
  };

  return {
    getState: () => state,
    setClient: (queryClient: QueryClient) => {
      client = queryClient;
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        setTimer(() => {
          if (listeners.size === 0) disconnect();
        }, lingerMs);
      };
    },
  };
}

let tabStream: ReturnType<typeof createInboxStream> | null = null;
const SERVER_STATE: InboxStreamState = INITIAL;
const noSubscribe = () => () => {};

function stream() {
  tabStream ??= createInboxStream({ open: (url) => new EventSource(url) });
  return tabStream;
}

/** The tab's inbox stream: live / reconnecting, the latest counts and the watcher's state. */
export function useInboxStream(): InboxStreamState {
  const queryClient = useQueryClient();
  const s = typeof window === 'undefined' ? null : stream();
  // Set before subscribing (effects run in order), so the first events can write into this tab's cache.
  useEffect(() => s?.setClient(queryClient), [s, queryClient]);
  return useSyncExternalStore(s?.subscribe ?? noSubscribe, s?.getState ?? (() => SERVER_STATE), () => SERVER_STATE);
}
