/**
 * The demo data: enough threads and runs, every status and scenario, a 300+ run thread, a 50+
 * step run, realistic messages — and consistent with the API's own rules (one active run per
 * thread, expiry windows, etc.).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RUN_STATUSES, isActiveRunStatus } from '@/lib/contract';
import { createEmulator } from '@/lib/emulator/emulator';
import { SCENARIOS } from '@/lib/emulator/scripts/courses';
import { startHarness, type Harness } from './support';

let h: Harness;
interface DirEntry {
  id: string;
  title: string;
  run_count: number;
  metadata: Record<string, string>;
}
let threads: DirEntry[];
const runsByThread = new Map<string, any[]>();

async function allRuns(threadId: string): Promise<any[]> {
  const out: any[] = [];
  let after: string | undefined;
  for (;;) {
    const page = (await h.api('GET', `/threads/${threadId}/runs?limit=100${after ? `&after=${after}` : ''}`)).body;
    out.push(...page.data);
    if (!page.has_more) return out;
    after = page.last_id;
  }
}

beforeAll(async () => {
  h = await startHarness({ seed: 11 });
  threads = (await h.control<{ data: DirEntry[] }>('GET', '/threads')).data;
  for (const t of threads) runsByThread.set(t.id, await allRuns(t.id));
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

const every = () => [...runsByThread.values()].flat();

describe('seeded demo data', () => {
  it('has at least 6 titled threads and 80 runs, and the directory counts match the API', () => {
    expect(threads.length).toBeGreaterThanOrEqual(6);
    expect(every().length).toBeGreaterThanOrEqual(80);
    for (const t of threads) {
      expect(t.title).toBe(t.metadata.title);
      expect(t.metadata.customer_id).toBeTruthy();
      expect(t.metadata.ticket_id).toBeTruthy();
      expect(runsByThread.get(t.id)).toHaveLength(t.run_count);
    }
  });

  it('covers every run status and every scenario', () => {
    expect(new Set(every().map((r) => r.status))).toEqual(new Set(RUN_STATUSES));
    const scenarios = new Set(every().map((r) => r.metadata.scenario).filter(Boolean));
    expect([...SCENARIOS].filter((s) => !scenarios.has(s))).toEqual([]);
  });

  it('only the latest run of a thread may be active', () => {
    for (const runs of runsByThread.values()) {
      runs.slice(1).forEach((r) => expect(isActiveRunStatus(r.status)).toBe(false));
    }
  });

  it('has a thread with 300+ runs for pagination and a run with 50+ steps', async () => {
    expect(threads.some((t) => t.run_count >= 300)).toBe(true);
    const many = every().find((r) => r.metadata.scenario === 'many_steps');
    const steps = (await h.api('GET', `/threads/${many.thread_id}/runs/${many.id}/steps?limit=100`)).body;
    expect(steps.data.length).toBeGreaterThanOrEqual(50);
  });

  it('has the support situations: queued for hours, two calls minutes from expiry, a cancelling that never ends', () => {
    const now = h.server.emulator.clock.now();
    const queued = every().find((r) => r.status === 'queued');
    expect(now - queued.created_at).toBeGreaterThanOrEqual(2 * 3600);
    const waiting = every().find((r) => r.status === 'requires_action');
    expect(waiting.required_action.submit_tool_outputs.tool_calls).toHaveLength(2);
    expect(waiting.expires_at - now).toBeGreaterThan(0);
    expect(waiting.expires_at - now).toBeLessThanOrEqual(5 * 60);
    expect(every().find((r) => r.status === 'cancelling')?.metadata.scenario).toBe('cancel_stuck');
    for (const code of ['server_error', 'rate_limit_exceeded', 'invalid_prompt']) {
      expect(every().some((r) => r.status === 'failed' && r.last_error.code === code)).toBe(true);
    }
    for (const reason of ['max_completion_tokens', 'max_prompt_tokens']) {
      expect(every().some((r) => r.status === 'incomplete' && r.incomplete_details.reason === reason)).toBe(true);
    }
  });

  it('has messages with citations, file paths, images and attachments', async () => {
    const kinds = new Set<string>();
    for (const t of threads.filter((x) => x.run_count < 100)) {
      const messages = (await h.api('GET', `/threads/${t.id}/messages?limit=100`)).body.data;
      for (const m of messages) {
        if (m.attachments.length > 0) kinds.add('attachment');
        for (const part of m.content) {
          kinds.add(part.type);
          for (const a of part.text?.annotations ?? []) kinds.add(a.type);
        }
      }
    }
    expect([...kinds].sort()).toEqual(['attachment', 'file_citation', 'file_path', 'image_file', 'image_url', 'text']);
  });

  it('every step of the short threads has a status consistent with its run (and matches the spec)', async () => {
    const stepStatuses = new Set<string>();
    for (const t of threads.filter((x) => x.run_count < 100)) {
      for (const run of runsByThread.get(t.id) ?? []) {
        const steps = (await h.api('GET', `/threads/${t.id}/runs/${run.id}/steps?limit=100`)).body.data;
        for (const step of steps) {
          stepStatuses.add(step.status);
          if (run.status === 'completed') expect(step.status).toBe('completed');
          if (step.status === 'expired') expect(step.expired_at).toBeGreaterThan(0);
          if (step.status !== 'in_progress') expect(step.usage === null).toBe(step.status !== 'completed');
        }
      }
    }
    expect([...stepStatuses].sort()).toEqual(['cancelled', 'completed', 'expired', 'failed', 'in_progress']);
  });

  it('moves on with the clock: the near-expiry run expires, the cancelling one stays', async () => {
    h.advance(10 * 60);
    const waiting = every().find((r) => r.status === 'requires_action');
    const cancelling = every().find((r) => r.status === 'cancelling');
    expect((await h.api('GET', `/threads/${waiting.thread_id}/runs/${waiting.id}`)).body.status).toBe('expired');
    expect((await h.api('GET', `/threads/${cancelling.thread_id}/runs/${cancelling.id}`)).body.status).toBe('cancelling');
  });
});

describe('determinism', () => {
  it('the same seed and start time give byte-identical data; another seed does not', () => {
    const snapshot = (seed: number) => {
      const emu = createEmulator({ seed, now: 1_790_000_000, speed: 0 });
      return JSON.stringify([...emu.store.runs.values()].slice(0, 50).map((r) => r.wire)) + JSON.stringify([...emu.store.messages.values()].slice(-50).map((m) => m.wire));
    };
    const first = snapshot(5);
    expect(snapshot(5)).toBe(first);
    expect(snapshot(6)).not.toBe(first);
  });

  it('reset re-seeds and drops what was created since', async () => {
    const created = (await h.api('POST', '/threads', { body: { metadata: { title: 'temp' } } })).body.id;
    const before = (await h.control<{ data: DirEntry[] }>('GET', '/threads')).data.map((t) => t.id);
    expect(before).toContain(created);
    const reset = await h.control<{ ok: boolean; runs: number }>('POST', '/reset', {});
    expect(reset.ok).toBe(true);
    const after = (await h.control<{ data: DirEntry[] }>('GET', '/threads')).data.map((t) => t.id);
    expect(after).not.toContain(created);
    expect(after.sort()).toEqual(threads.map((t) => t.id).sort()); // same seed → same ids
  });
});
