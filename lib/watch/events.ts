// The in-process event bus between the watcher (and the claim/note/rule routes) and the inbox's SSE streams.
// One per server process, on globalThis (Next evaluates route bundles as separate module instances). Each change
// bumps a version so a reconnecting tab can tell whether it missed something.

export type WatcherStateName = 'running' | 'backing_off' | 'outage' | 'stopped';
export type WatcherState = { state: WatcherStateName; budget_rps: number; retry_at: number | null; watched_runs: number; last_cycle_at: number | null };
export type InboxCounts = { stuck: number; unclaimed: number };
export type ChangedRun = { run_id: string; thread_id: string };

export type BusEvent =
  | { type: 'inbox'; version: number; counts: InboxCounts | null; changed: ChangedRun[] }
  | { type: 'watcher'; version: number; watcher: WatcherState };

type Listener = (event: BusEvent) => void;

class EventBus {
  version = 0;
  watcher: WatcherState = { state: 'stopped', budget_rps: 0, retry_at: null, watched_runs: 0, last_cycle_at: null };
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Where "the inbox may have changed" goes when someone recomputes it (the watcher's announcer). */
  hintHandler: ((changed: ChangedRun[]) => void) | null = null;

  /**
   * Runs changed somewhere (a proxied answer): with an announcer running, it decides whether the inbox really
   * changed; without one (watcher off), every hint is announced.
   */
  hint(changed: ChangedRun[]): void {
    if (changed.length === 0) return;
    if (this.hintHandler) this.hintHandler(changed);
    else this.inboxChanged(changed);
  }

  /** Something in the inbox changed (a run found or cleared, a claim, a note, the rules). */
  inboxChanged(changed: ChangedRun[], counts: InboxCounts | null = null): void {
    this.version += 1;
    this.emit({ type: 'inbox', version: this.version, counts, changed });
  }

  /**
   * The watcher's state, announced only when something a person would notice changed: its state, back-off, budget,
   * or how many runs it watches (counted every few seconds). A tab otherwise keeps the count it was told on connect.
   */
  setWatcher(next: WatcherState): void {
    const prev = this.watcher;
    this.watcher = next;
    if (prev.state !== next.state || prev.retry_at !== next.retry_at || prev.budget_rps !== next.budget_rps || prev.watched_runs !== next.watched_runs) {
      this.version += 1;
      this.emit({ type: 'watcher', version: this.version, watcher: next });
    }
  }

  private emit(event: BusEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken stream must not stop the others.
      }
    }
  }
}

const holder = globalThis as typeof globalThis & { runboardEventBus?: EventBus };

export function eventBus(): EventBus {
  holder.runboardEventBus ??= new EventBus();
  return holder.runboardEventBus;
}

export type { EventBus };
