import 'server-only';
import { applyStepsRead, countWatchedRuns, dueRuns, nextDueAtMs, type DueRun } from '@/lib/store/index-runs';
import { dueThreadJobs, scheduleDiscovery } from '@/lib/store/index-threads';
import type { Db } from '@/lib/store/threads-seen';
import { holdWatcherLease, loadWatcherState, releaseWatcherLease, saveWatcherState } from '@/lib/store/watcher-state';
import { randomUUID } from 'node:crypto';
import type { Connection } from '@/lib/upstream/connection';
import { Budget, backoffMs } from './budget';
import { eventBus, type ChangedRun, type WatcherStateName } from './events';
import { BASE_INTERVAL_MS } from './schedule';
import { DEFAULT_STUCK_RULES, type StuckRules } from './stuck-rules';
import { cachedRead, isUnsupported, readUpstream, type ReadOutcome } from './upstream-read';
import { applyOutcome, readFor, type Job } from './watch-jobs';
import { setUpstreamOffset, upstreamNow, upstreamOffsetMs } from '@/lib/upstream/clock';

// The watcher: one per server process and connection. It keeps every active run in the index fresh by reading it
// from the upstream within the budget (lib/watch/budget.ts), new runs and runs nearest a deadline first
// (lib/watch/schedule.ts); reads the steps of a long in_progress run before calling it idle; reads the newest runs
// of watched and registered threads; marks threads the upstream no longer has. On 429 / Retry-After and during
// outages it backs off (exponential, capped), then catches up at the same pace. Its state is in the database
// (watcher_state, runs_seen.next_check_at_ms), so a restart resumes where it stopped, without a burst.

export type WatcherOptions = {
  connection: Connection;
  budgetRps: number;
  pollCacheMs: number;
  db: () => Promise<Db>;
  rules: (db: Db) => Promise<StuckRules>;
  /** Called after reads that may have changed the inbox (the server recomputes and announces it). */
  onInboxMaybeChanged?: (changed: ChangedRun[]) => void;
  log?: (level: 'info' | 'warn', event: string, fields: Record<string, unknown>) => void;
  /** How often an active run is read when the budget allows (tests shorten it). */
  baseIntervalMs?: number;
};

const STEPS_RECHECK_MS = 60_000;
const IDLE_POLL_MS = 1_000;
const EARLY_WAKE_MS = 3;
/** One watcher per connection and deployment: the lease is renewed every second and lapses 5 s after its holder died. */
const LEASE_MS = 5_000;
const LEASE_RENEW_MS = 1_000;
/** Home's most recent threads are read again this often (and once after every start): 404 → marked gone. */
const HOME_RECHECK_S = 600;
/** One slot in THREAD_SHARE goes to thread work (registration reads, new-run discovery) while runs are due. */
const THREAD_SHARE = 4;
/** How often the number of watched runs is counted and announced (tabs are told when it changed). */
const COUNT_EVERY_MS = 5_000;

export class Watcher {
  private budget: Budget;
  private failures = 0;
  private state: WatcherStateName = 'stopped';
  private lastCycleAtMs: number | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private slot = 0;
  private rulesCache: { rules: StuckRules; at: number } | null = null;
  private watchedRuns = 0;
  private countedAt = 0;
  private startedAtS = 0;
  private readonly owner = randomUUID();
  private leaseCheckedAt = 0;
  private leased = false;

  constructor(private readonly o: WatcherOptions) {
    this.budget = new Budget(o.budgetRps);
  }

  private get baseIntervalMs(): number {
    return this.o.baseIntervalMs ?? BASE_INTERVAL_MS;
  }

  /** Whether this watcher holds the connection's lease (the others of the deployment stand by). */
  get isLeader(): boolean {
    return this.leased;
  }

  get connectionId(): string {
    return this.o.connection.id;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const db = await this.o.db();
    const saved = await loadWatcherState(db, this.connectionId);
    if (saved) {
      this.budget = new Budget(this.o.budgetRps, { lastStartMs: saved.lastRequestAtMs, retryAtMs: saved.retryAtMs });
      this.failures = saved.failures;
      if (saved.clockOffsetMs !== null) setUpstreamOffset(this.connectionId, saved.clockOffsetMs);
      this.lastCycleAtMs = saved.lastCycleAtMs;
    }
    this.running = true;
    this.startedAtS = Math.floor(Date.now() / 1000);
    // Count before the first announcement: a tab that connects now must not be told "0 runs watched" for 5 s.
    await this.countWatched(db);
    this.setState(this.budget.retryAtMs && this.budget.retryAtMs > Date.now() ? (saved?.state === 'outage' ? 'outage' : 'backing_off') : 'running');
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
    if (this.leased) await releaseWatcherLease(await this.o.db(), this.connectionId, this.owner).catch(() => {});
    this.leased = false;
    this.setState('stopped');
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const worked = await this.step();
        if (!worked) await this.sleep(await this.idleWaitMs());
      } catch (error) {
        this.o.log?.('warn', 'watch.step_failed', { error });
        await this.sleep(IDLE_POLL_MS);
      }
    }
  }

  private async idleWaitMs(): Promise<number> {
    const due = await nextDueAtMs(await this.o.db(), this.connectionId);
    return due === null ? IDLE_POLL_MS : Math.max(50, Math.min(IDLE_POLL_MS, due - Date.now()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async rules(db: Db): Promise<StuckRules> {
    if (!this.rulesCache || Date.now() - this.rulesCache.at > 5_000) {
      this.rulesCache = { rules: await this.o.rules(db).catch(() => DEFAULT_STUCK_RULES), at: Date.now() };
    }
    return this.rulesCache.rules;
  }

  /** One unit of work: true when a job was done (or skipped), false when nothing is due. */
  async step(): Promise<boolean> {
    const db = await this.o.db();
    if (!(await this.holdLease(db))) {
      // Another instance watches this connection; take over if its lease lapses. Its tabs still see how many runs
      // the deployment watches (the count is in the shared database).
      if (Date.now() - this.countedAt >= COUNT_EVERY_MS) {
        await this.countWatched(db);
        this.announce();
      }
      await this.sleep(LEASE_RENEW_MS);
      return true;
    }
    const job = await this.nextJob(db, Date.now());
    if (!job) {
      this.lastCycleAtMs = Date.now();
      await this.publish(db);
      return false;
    }
    const read = readFor(job);
    const cached = cachedRead(this.o.connection, read);
    let outcome: ReadOutcome;
    if (cached) {
      outcome = cached;
    } else {
      const startAt = this.budget.nextStartMs(Date.now());
      // Wake a little early and yield until the moment itself: timers fire late, and late starts slow the pace.
      while (this.running && startAt - Date.now() > EARLY_WAKE_MS) await this.sleep(startAt - Date.now() - EARLY_WAKE_MS);
      while (this.running && Date.now() < startAt) await new Promise((r) => setImmediate(r));
      if (!this.running) return true;
      this.budget.spend(Date.now());
      await this.persist(db);
      outcome = await readUpstream(this.o.connection, read, this.o.pollCacheMs);
    }
    await this.handle(db, job, outcome);
    await this.publish(db);
    return true;
  }

  private async holdLease(db: Db): Promise<boolean> {
    const nowMs = Date.now();
    if (nowMs - this.leaseCheckedAt < LEASE_RENEW_MS) return this.leased;
    this.leaseCheckedAt = nowMs;
    const held = await holdWatcherLease(db, this.connectionId, this.owner, nowMs, nowMs + LEASE_MS);
    if (held && !this.leased) {
      // Taking over from another instance: continue from the pace and back-off it stored.
      const saved = await loadWatcherState(db, this.connectionId);
      if (saved?.lastRequestAtMs != null && saved.lastRequestAtMs > (this.budget.lastStartMs ?? 0)) {
        this.budget = new Budget(this.o.budgetRps, { lastStartMs: saved.lastRequestAtMs, retryAtMs: saved.retryAtMs });
      }
    }
    this.leased = held;
    return held;
  }

  /**
   * Runs first (new, then most overdue, then nearest a deadline); one slot in THREAD_SHARE goes to work people asked
   * for (reading registered threads, finding new runs on watched ones); re-checks of home's threads only when idle.
   */
  private async nextJob(db: Db, nowMs: number): Promise<Job | null> {
    this.slot += 1;
    const threadJob = async (background: boolean): Promise<Job | null> => {
      const checkedBefore = background ? Math.max(Math.floor(nowMs / 1000) - HOME_RECHECK_S, this.startedAtS + 1) : null;
      const jobs = await dueThreadJobs(db, this.connectionId, nowMs, 1, checkedBefore);
      for (const job of jobs) {
        if (job.kind === 'discover' && isUnsupported(this.o.connection, 'listRuns')) {
          await scheduleDiscovery(db, this.connectionId, job.threadId, null);
          continue;
        }
        return { kind: 'thread', job };
      }
      return null;
    };
    if (this.slot % THREAD_SHARE === 0) {
      const job = await threadJob(false);
      if (job) return job;
    }
    const [run] = await dueRuns(db, this.connectionId, nowMs, 1);
    if (run) return (await this.needsSteps(db, run, nowMs)) ? { kind: 'steps', run } : { kind: 'run', run };
    return threadJob(true);
  }

  /** An in_progress run past the idle rule is only called idle after its steps were read (within the budget). */
  private async needsSteps(db: Db, run: DueRun, nowMs: number): Promise<boolean> {
    if (run.status !== 'in_progress' || run.stateSince === null) return false;
    if (run.stepsCheckedAtMs !== null && nowMs - run.stepsCheckedAtMs < STEPS_RECHECK_MS) return false;
    const rules = await this.rules(db);
    const lastChange = Math.max(run.stateSince, run.stepsChangedAt ?? run.stateSince);
    if (upstreamNow(this.connectionId, nowMs) - lastChange < rules.in_progress_idle_seconds) return false;
    if (isUnsupported(this.o.connection, 'listRunSteps')) {
      // No steps endpoint: time since the run started is all there is to go on.
      await applyStepsRead(db, this.connectionId, run.runId, [], upstreamNow(this.connectionId, nowMs), nowMs);
      return false;
    }
    return true;
  }

  private async handle(db: Db, job: Job, outcome: ReadOutcome): Promise<void> {
    const nowMs = Date.now();
    if (outcome.kind === 'rate_limited' || outcome.kind === 'outage') {
      this.failures += 1;
      const wait = backoffMs(this.failures, outcome.kind === 'rate_limited' ? outcome.retryAfterMs : null);
      this.budget.retryAtMs = nowMs + wait;
      this.setState(outcome.kind === 'rate_limited' ? 'backing_off' : 'outage');
      this.o.log?.('warn', 'watch.backing_off', { reason: outcome.kind === 'rate_limited' ? '429' : outcome.detail, waitMs: wait, failures: this.failures });
      await this.persist(db);
      return;
    }
    if (this.failures > 0 || this.state !== 'running') {
      this.failures = 0;
      this.budget.retryAtMs = null;
      this.setState('running');
      await this.persist(db);
    }
    const changed = await applyOutcome({ db, connectionId: this.connectionId, nowMs, baseIntervalMs: this.baseIntervalMs, rules: () => this.rules(db) }, job, outcome);
    if (changed) this.o.onInboxMaybeChanged?.(changed);
  }

  private setState(state: WatcherStateName): void {
    this.state = state;
    this.announce();
  }

  private announce(): void {
    eventBus().setWatcher({
      state: this.state,
      budget_rps: this.o.budgetRps,
      retry_at: this.budget.retryAtMs ? Math.ceil(this.budget.retryAtMs / 1000) : null,
      watched_runs: this.watchedRuns,
      last_cycle_at: this.lastCycleAtMs ? Math.floor(this.lastCycleAtMs / 1000) : null,
    });
  }

  private async publish(db: Db): Promise<void> {
    if (Date.now() - this.countedAt < COUNT_EVERY_MS) return;
    await this.countWatched(db);
    await this.persist(db);
    this.announce();
  }

  private async countWatched(db: Db): Promise<void> {
    this.countedAt = Date.now();
    this.watchedRuns = await countWatchedRuns(db, this.connectionId);
  }

  private async persist(db: Db): Promise<void> {
    await saveWatcherState(db, this.connectionId, {
      state: this.state,
      lastRequestAtMs: this.budget.lastStartMs,
      retryAtMs: this.budget.retryAtMs,
      failures: this.failures,
      lastCycleAtMs: this.lastCycleAtMs,
      clockOffsetMs: upstreamOffsetMs(this.connectionId),
    });
  }
}
