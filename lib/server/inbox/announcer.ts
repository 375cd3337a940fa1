import 'server-only';
import { getStore } from '@/lib/store/db';
import { eventBus, type ChangedRun } from '@/lib/watch/events';
import { computeInbox, countsOf } from './compute';
import { loadStuckRules } from './rules';

// Turns "the inbox may have changed" (a watcher read, time passing a rule's threshold) into `inbox` events: the
// inbox is recomputed at most every MIN_GAP_MS and on a timer, and an event goes out only when a row appeared,
// left, or changed its reason or claim. Nothing is announced when nothing a person would see changed.

const MIN_GAP_MS = 300;
const TICK_MS = 2_000;

export class InboxAnnouncer {
  private rows = new Map<string, string>();
  private pending: ChangedRun[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastAt = 0;

  constructor(private readonly connectionId: string) {}

  start(): void {
    this.ticker ??= setInterval(() => this.poke([]), TICK_MS);
    this.ticker.unref?.();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.timer) clearTimeout(this.timer);
    this.ticker = null;
    this.timer = null;
  }

  poke(changed: ChangedRun[]): void {
    this.pending.push(...changed);
    if (this.timer || this.running) return;
    const wait = Math.max(0, this.lastAt + MIN_GAP_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.check().finally(() => {
        this.running = null;
        if (this.pending.length > 0) this.poke([]);
      });
    }, wait);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    this.lastAt = Date.now();
    const hinted = this.pending;
    this.pending = [];
    try {
      const { db } = await getStore();
      const items = await computeInbox(db, this.connectionId, await loadStuckRules(db));
      const next = new Map(items.map((i) => [i.run_id, `${i.thread_id}|${i.reason_code}|${i.claim?.user_id ?? ''}|${i.last_note?.id ?? ''}`]));
      const changed = new Map<string, ChangedRun>();
      for (const [runId, key] of next) if (this.rows.get(runId) !== key) changed.set(runId, { run_id: runId, thread_id: key.split('|')[0]! });
      for (const [runId, key] of this.rows) if (!next.has(runId)) changed.set(runId, { run_id: runId, thread_id: key.split('|')[0]! });
      for (const h of hinted) if (changed.size > 0 && !changed.has(h.run_id)) changed.set(h.run_id, h);
      this.rows = next;
      if (changed.size > 0) eventBus().inboxChanged([...changed.values()], countsOf(items));
    } catch {
      // The next tick tries again (a database blip must not stop announcements).
    }
  }
}
