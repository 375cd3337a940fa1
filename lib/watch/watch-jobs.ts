import 'server-only';
import { applyRunObjects, applyStepsRead, indexedRun, rescheduleRun, unscheduleRun, type DueRun } from '@/lib/store/index-runs';
import { applyThreadRead, discoveryReason, markThreadChecked, markThreadGone, scheduleDiscovery, type ThreadJob } from '@/lib/store/index-threads';
import type { Db } from '@/lib/store/threads-seen';
import { upstreamNow, upstreamOffsetMs } from '@/lib/upstream/clock';
import { metadataTitle } from '@/lib/view/thread-title';
import type { ChangedRun } from './events';
import { nextCheckAtMs } from './schedule';
import type { StuckRules } from './stuck-rules';
import type { ReadOutcome, WatchRead } from './upstream-read';

// What the watcher reads for each kind of job, and how each answer goes into the index. The watcher itself
// (watcher.ts) decides when to read and handles the upstream's refusals to answer at all (429, outages).

export type Job = { kind: 'run'; run: DueRun } | { kind: 'steps'; run: DueRun } | { kind: 'thread'; job: ThreadJob };

const WATCHED_DISCOVERY_MS = 60_000;
const REGISTERED_DISCOVERY_MS = 10 * 60_000;

export function readFor(job: Job): WatchRead {
  if (job.kind === 'run') return { endpointId: 'getRun', path: `/threads/${job.run.threadId}/runs/${job.run.runId}`, query: [] };
  if (job.kind === 'steps') return { endpointId: 'listRunSteps', path: `/threads/${job.run.threadId}/runs/${job.run.runId}/steps`, query: [['limit', '20'], ['order', 'desc']] };
  if (job.job.kind === 'read') return { endpointId: 'getThread', path: `/threads/${job.job.threadId}`, query: [] };
  return { endpointId: 'listRuns', path: `/threads/${job.job.threadId}/runs`, query: [['limit', '5']] };
}

export type ApplyContext = { db: Db; connectionId: string; nowMs: number; baseIntervalMs: number; rules: () => Promise<StuckRules> };

/**
 * Puts an answer (or the upstream's "not found" / "not supported") into the index. Returns the runs whose inbox rows
 * may have changed, or null when the inbox cannot have changed.
 */
export async function applyOutcome(ctx: ApplyContext, job: Job, outcome: Exclude<ReadOutcome, { kind: 'rate_limited' | 'outage' }>): Promise<ChangedRun[] | null> {
  const { db, connectionId, nowMs } = ctx;
  const now = upstreamNow(connectionId, nowMs);
  const threadId = job.kind === 'thread' ? job.job.threadId : job.run.threadId;
  if (outcome.kind === 'not_found') {
    if (job.kind === 'thread') {
      await markThreadGone(db, connectionId, threadId);
      return [];
    }
    // The run is gone: is its thread? The next thread read tells.
    await unscheduleRun(db, connectionId, job.run.runId);
    await scheduleDiscovery(db, connectionId, threadId, 0);
    return [{ run_id: job.run.runId, thread_id: threadId }];
  }
  if (outcome.kind === 'unsupported' || outcome.kind === 'refused') {
    if (job.kind === 'thread') await scheduleDiscovery(db, connectionId, threadId, null);
    else if (job.kind === 'steps') await applyStepsRead(db, connectionId, job.run.runId, [], now, nowMs);
    else await rescheduleRun(db, connectionId, job.run.runId, nowMs + 60_000);
    if (job.kind === 'thread') await markThreadChecked(db, connectionId, threadId);
    return null;
  }
  const body = outcome.body as Record<string, unknown>;
  if (job.kind === 'run') {
    const changed = await applyRunObjects(db, connectionId, [body], now, { checkedAtMs: nowMs, nextCheckAtMs: nowMs + ctx.baseIntervalMs });
    await pullToDeadline(ctx, job.run.runId);
    return changed;
  }
  if (job.kind === 'steps') {
    const steps = Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [];
    await applyStepsRead(db, connectionId, job.run.runId, steps, now, nowMs);
    return [{ run_id: job.run.runId, thread_id: threadId }];
  }
  if (job.job.kind === 'read') {
    await applyThreadRead(db, connectionId, body, metadataTitle(body.metadata));
    if (await discoveryReason(db, connectionId, threadId)) await scheduleDiscovery(db, connectionId, threadId, 0);
    return null;
  }
  const runs = Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [];
  const changed = await applyRunObjects(db, connectionId, runs, now, undefined, true);
  await markThreadChecked(db, connectionId, threadId);
  const reason = await discoveryReason(db, connectionId, threadId);
  await scheduleDiscovery(db, connectionId, threadId, reason ? nowMs + (reason === 'registered' ? REGISTERED_DISCOVERY_MS : WATCHED_DISCOVERY_MS) : null);
  return changed;
}

/** After a read: the next one just after the run crosses a stuck rule or its expiry, if that comes sooner. */
async function pullToDeadline(ctx: ApplyContext, runId: string): Promise<void> {
  const run = await indexedRun(ctx.db, ctx.connectionId, runId);
  if (!run || run.status === 'unknown') return;
  const next = nextCheckAtMs(run, await ctx.rules(), ctx.nowMs, upstreamOffsetMs(ctx.connectionId), ctx.baseIntervalMs);
  if (next < ctx.nowMs + ctx.baseIntervalMs) await rescheduleRun(ctx.db, ctx.connectionId, runId, next);
}
