import { describe, expect, it } from 'vitest';
import { callProxy, pointAtUpstream } from './support/harness';
import { okRun, startFaultUpstream, faultUpstreamPerFile } from './support/fault-upstream';

// Single-flight and the poll micro-cache, observed as upstream hit counts. The cache TTL is set long (10 s) so no
// assertion depends on timing; expiry is covered by the unit test of PollCache below.

import { PollCache } from '@/lib/server/poll-cache';

const RUN = '/threads/thread_e1/runs/run_e1';

const upstream = faultUpstreamPerFile('sk-efficiency-key-123456', { RUNBOARD_POLL_CACHE_MS: '10000' });

const gets = () => upstream().hits.filter((h) => h.method === 'GET').length;

describe('single-flight', () => {
  it('20 identical concurrent GETs cost one upstream request, and all get the answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    upstream().script({ kind: 'gated', gate, answer: { kind: 'json', status: 200, body: okRun('run_e1', 'completed') } });
    const pending = Array.from({ length: 20 }, () => callProxy('GET', RUN));
    // Wait until the one upstream request has arrived, then let it answer.
    while (gets() < 1) await new Promise((r) => setImmediate(r));
    release();
    const responses = await Promise.all(pending);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ id: string }>));
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set(['run_e1']));
    expect(gets()).toBe(1);
    expect(responses.filter((r) => r.headers.get('x-runboard-cache') === 'shared')).toHaveLength(19);
  });

  it('different query strings are different requests', async () => {
    await Promise.all([callProxy('GET', '/threads/thread_e1/runs?limit=5'), callProxy('GET', '/threads/thread_e1/runs?limit=6')]);
    expect(gets()).toBe(2);
  });
});

describe('poll cache', () => {
  it('keeps an active run for the TTL: sequential polls cost one upstream call', async () => {
    upstream().setFallback({ kind: 'json', status: 200, body: okRun('run_e1', 'in_progress') });
    for (let i = 0; i < 5; i += 1) expect((await callProxy('GET', RUN)).status).toBe(200);
    expect(gets()).toBe(1);
  });

  it('never caches a terminal run', async () => {
    upstream().setFallback({ kind: 'json', status: 200, body: okRun('run_e1', 'completed') });
    for (let i = 0; i < 3; i += 1) await callProxy('GET', RUN);
    expect(gets()).toBe(3);
  });

  it('never caches errors', async () => {
    upstream().setFallback({ kind: 'json', status: 404, body: { error: { message: 'No run found' } } });
    for (let i = 0; i < 3; i += 1) expect((await callProxy('GET', RUN)).status).toBe(404);
    expect(gets()).toBe(3);
  });

  it('a mutation on the thread drops its cached polls', async () => {
    upstream().setFallback({ kind: 'json', status: 200, body: okRun('run_e1', 'in_progress') });
    await callProxy('GET', RUN);
    await callProxy('GET', RUN);
    expect(gets()).toBe(1);
    upstream().script({ kind: 'json', status: 200, body: okRun('run_e1', 'cancelling') });
    expect((await callProxy('POST', `${RUN}/cancel`)).status).toBe(200);
    await callProxy('GET', RUN);
    expect(gets()).toBe(2);
  });

  it('is keyed by connection: another upstream never sees the first one’s answer', async () => {
    const other = await startFaultUpstream();
    try {
      other.setFallback({ kind: 'json', status: 200, body: okRun('run_e1', 'queued') });
      upstream().setFallback({ kind: 'json', status: 200, body: okRun('run_e1', 'in_progress') });
      expect(((await (await callProxy('GET', RUN)).json()) as { status: string }).status).toBe('in_progress');
      // Same process, same cache object (pointAtUpstream clears it, so switch env without clearing).
      process.env.OPENAI_BASE_URL = other.url;
      const { resetServerEnv } = await import('@/lib/server/env');
      resetServerEnv();
      expect(((await (await callProxy('GET', RUN)).json()) as { status: string }).status).toBe('queued');
      expect(other.hits).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('RUNBOARD_POLL_CACHE_MS=0 turns it off', async () => {
    pointAtUpstream(upstream().url, 'sk-efficiency-key-123456', { RUNBOARD_POLL_CACHE_MS: '0' });
    upstream().setFallback({ kind: 'json', status: 200, body: okRun('run_e1', 'in_progress') });
    for (let i = 0; i < 3; i += 1) await callProxy('GET', RUN);
    expect(gets()).toBe(3);
  });
});

describe('PollCache', () => {
  it('expires entries after the TTL and evicts the oldest when full', () => {
    let now = 1_000;
    const cache = new PollCache<string>(2, () => now);
    cache.set('a', 'A', 1_000);
    expect(cache.get('a')).toBe('A');
    now += 1_000;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'B', 5_000);
    cache.set('c', 'C', 5_000);
    cache.set('d', 'D', 5_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('d')).toBe('D');
    expect(cache.deletePrefix('c')).toBe(1);
  });
});

describe('compression', () => {
  it('a small answer is marked no-transform (Next does not gzip it); a large page may still be compressed', async () => {
    upstream().script({ kind: 'json', status: 200, body: okRun('run_e1', 'completed') });
    const small = await callProxy('GET', RUN);
    expect(small.headers.get('cache-control')).toBe('no-store, no-transform');
    const runs = Array.from({ length: 20 }, (_, i) => ({ ...okRun(`run_e${i}`, 'completed'), instructions: 'Answer briefly. '.repeat(40) }));
    upstream().script({ kind: 'json', status: 200, body: { object: 'list', data: runs, first_id: 'run_e0', last_id: 'run_e19', has_more: false } });
    const large = await callProxy('GET', '/threads/thread_e1/runs?limit=20');
    expect(Number((await large.clone().arrayBuffer()).byteLength)).toBeGreaterThan(8 * 1024);
    expect(large.headers.get('cache-control')).toBe('no-store');
  });
});
