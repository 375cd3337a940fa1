import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createInboxStream, type EventSourceLike } from './inbox-events';
import { queryKeys } from './keys';

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, Array<(event: MessageEvent) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: unknown) {
    if (type === 'open') this.readyState = 1;
    for (const l of this.listeners.get(type) ?? []) l({ data: data === undefined ? '' : JSON.stringify(data) } as MessageEvent);
  }
}

function setup() {
  const sources: FakeSource[] = [];
  const timers: Array<() => void> = [];
  const s = createInboxStream({
    open: (url) => {
      const f = new FakeSource(url);
      sources.push(f);
      return f;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
  });
  const client = new QueryClient();
  s.setClient(client);
  return { s, sources, timers, client, runTimers: () => timers.splice(0).forEach((t) => t()) };
}

const counts = { stuck: 3, unclaimed: 2 };
const watcher = { state: 'running', budget_rps: 2, retry_at: null, watched_runs: 10, last_cycle_at: 1 };

describe('the tab inbox stream', () => {
  it('opens one EventSource for every subscriber and goes live on hello with the counts', () => {
    const { s, sources, client } = setup();
    s.subscribe(() => {});
    s.subscribe(() => {});
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/api/inbox/events');
    expect(s.getState().status).toBe('connecting');
    sources[0]!.emit('hello', { version: 1, counts, watcher });
    expect(s.getState()).toMatchObject({ status: 'live', counts, watcher: { state: 'running' }, version: 1 });
    expect(client.getQueryData(queryKeys.inboxCount())).toEqual(counts);
  });

  it('an inbox event refreshes the inbox and the changed runs’ claims and notes, not other threads', async () => {
    const { s, sources, client } = setup();
    s.subscribe(() => {});
    for (const key of [queryKeys.inboxList({}), queryKeys.runClaim('run_1'), queryKeys.threadClaims('thread_1'), queryKeys.notes('thread_1', 'run_1'), queryKeys.notes('thread_2')]) {
      client.setQueryData(key, 'cached');
    }
    sources[0]!.emit('inbox', { version: 2, counts: { stuck: 4, unclaimed: 1 }, changed: [{ run_id: 'run_1', thread_id: 'thread_1' }] });
    const invalid = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(invalid(queryKeys.inboxList({}))).toBe(true);
    expect(invalid(queryKeys.runClaim('run_1'))).toBe(true);
    expect(invalid(queryKeys.threadClaims('thread_1'))).toBe(true);
    expect(invalid(queryKeys.notes('thread_1', 'run_1'))).toBe(true);
    expect(invalid(queryKeys.notes('thread_2'))).toBe(false);
    expect(s.getState().counts).toEqual({ stuck: 4, unclaimed: 1 });
  });

  it('says reconnecting on an error, reopens a closed stream, and refreshes once it is back', () => {
    const { s, sources, client, runTimers } = setup();
    s.subscribe(() => {});
    sources[0]!.emit('hello', { version: 1, counts, watcher });
    client.setQueryData(queryKeys.inboxList({}), 'cached');
    sources[0]!.readyState = 2;
    sources[0]!.emit('error');
    expect(s.getState().status).toBe('reconnecting');
    expect(sources[0]!.closed).toBe(true);
    runTimers();
    expect(sources).toHaveLength(2);
    sources[1]!.emit('hello', { version: 5, counts, watcher });
    expect(s.getState().status).toBe('live');
    expect(client.getQueryState(queryKeys.inboxList({}))?.isInvalidated).toBe(true);
  });

  it('closes the stream once nobody listens', () => {
    const { s, sources, runTimers } = setup();
    const off = s.subscribe(() => {});
    off();
    runTimers();
    expect(sources[0]!.closed).toBe(true);
    s.subscribe(() => {});
    expect(sources).toHaveLength(2);
  });
});
