/**
 * Cursor pagination exactly as the API: limit (default 20), order (default desc), after/before,
 * has_more in the direction of travel, null cursors on empty pages; the run_id filter on
 * messages; pages over the seeded 1,000-run thread.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SortedList, paginate } from '@/lib/emulator/paginate';
import { startHarness, type Harness } from './support';

let h: Harness;
let longThread: string;
let all: string[]; // every run id of the long thread, newest first

const page = async (query: string) => (await h.api('GET', `/threads/${longThread}/runs?${query}`)).body;

beforeAll(async () => {
  h = await startHarness({ seed: 21 });
  const dir = (await h.control<{ data: Array<{ id: string; run_count: number }> }>('GET', '/threads')).data;
  longThread = dir.find((t) => t.run_count === 1000)?.id ?? '';
  all = [];
  let after = '';
  for (;;) {
    const p = await page(`limit=100${after ? `&after=${after}` : ''}`);
    all.push(...p.data.map((r: { id: string }) => r.id));
    if (!p.has_more) break;
    after = p.last_id;
  }
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

describe('list runs', () => {
  it('walks 1,000 runs newest first without gaps or repeats', () => {
    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
  });

  it('defaults to 20 per page, newest first, with first_id/last_id/has_more', async () => {
    const p = await page('');
    expect(p.object).toBe('list');
    expect(p.data.map((r: { id: string }) => r.id)).toEqual(all.slice(0, 20));
    expect(p).toMatchObject({ first_id: all[0], last_id: all[19], has_more: true });
    for (let i = 1; i < p.data.length; i++) expect(p.data[i - 1].created_at).toBeGreaterThanOrEqual(p.data[i].created_at);
  });

  it('order=asc is the exact reverse, and has_more turns false on the last page', async () => {
    const first = await page('order=asc&limit=100');
    expect(first.data.map((r: { id: string }) => r.id)).toEqual(all.toReversed().slice(0, 100));
    const last = await page(`order=asc&limit=100&after=${all[100]}`);
    expect(last.data.map((r: { id: string }) => r.id)).toEqual(all.toReversed().slice(900));
    expect(last.has_more).toBe(false);
  });

  it('before returns the items just before the cursor (in list order), has_more towards the start', async () => {
    const p = await page(`limit=5&before=${all[50]}`);
    expect(p.data.map((r: { id: string }) => r.id)).toEqual(all.slice(45, 50));
    expect(p.has_more).toBe(true);
    const start = await page(`limit=5&before=${all[3]}`);
    expect(start.data.map((r: { id: string }) => r.id)).toEqual(all.slice(0, 3));
    expect(start.has_more).toBe(false);
  });

  it('after and before together bound a window', async () => {
    const p = await page(`limit=100&after=${all[10]}&before=${all[16]}`);
    expect(p.data.map((r: { id: string }) => r.id)).toEqual(all.slice(11, 16));
    expect(p.has_more).toBe(false);
  });

  it('an empty list has null cursors', async () => {
    const thread = (await h.api('POST', '/threads', { body: {} })).body;
    const p = (await h.api('GET', `/threads/${thread.id}/runs`)).body;
    expect(p).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
  });

  it('a cursor from another thread is rejected', async () => {
    const dir = (await h.control<{ data: Array<{ id: string; run_count: number }> }>('GET', '/threads')).data;
    const other = dir.find((t) => t.id !== longThread && t.run_count > 0);
    const otherRun = (await h.api('GET', `/threads/${other?.id}/runs?limit=1`)).body.data[0].id;
    expect((await h.api('GET', `/threads/${longThread}/runs?after=${otherRun}`)).status).toBe(400);
  });
});

describe('list messages and steps', () => {
  it('run_id filters messages to the ones that run wrote', async () => {
    const runId = all[500] as string;
    const messages = (await h.api('GET', `/threads/${longThread}/messages?run_id=${runId}`)).body;
    expect(messages.data).toHaveLength(1);
    expect(messages.data[0]).toMatchObject({ role: 'assistant', run_id: runId });
    const none = (await h.api('GET', `/threads/${longThread}/messages?run_id=run_unknown`)).body;
    expect(none).toMatchObject({ data: [], first_id: null, last_id: null, has_more: false });
    const everything = (await h.api('GET', `/threads/${longThread}/messages?limit=100&order=asc`)).body;
    expect(everything.data[0].role).toBe('user');
    expect(everything.has_more).toBe(true);
  });

  it('steps of a long run page like everything else', async () => {
    const threads = (await h.control<{ data: Array<{ id: string; run_count: number; title: string }> }>('GET', '/threads')).data;
    for (const t of threads.filter((x) => x.run_count < 50)) {
      const runs = (await h.api('GET', `/threads/${t.id}/runs?limit=100`)).body.data;
      const many = runs.find((r: { metadata: { scenario?: string } }) => r.metadata.scenario === 'many_steps');
      if (!many) continue;
      const base = `/threads/${t.id}/runs/${many.id}/steps`;
      const p1 = (await h.api('GET', `${base}?limit=30&order=asc`)).body;
      const p2 = (await h.api('GET', `${base}?limit=30&order=asc&after=${p1.last_id}`)).body;
      expect(p1.has_more).toBe(true);
      expect(p2.has_more).toBe(false);
      expect(p1.data.length + p2.data.length).toBe(52);
      expect(p2.data.at(-1).type).toBe('message_creation');
      return;
    }
    throw new Error('no many_steps run in the seed');
  });
});

describe('paginate (unit)', () => {
  it('inserts out of order, keeps (created_at, seq) order and finds cursors by binary search', () => {
    const list = new SortedList<{ id: string; created_at: number; seq: number }>();
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `x${i}`, created_at: Math.floor(i / 3), seq: i }));
    for (const item of items.toReversed()) list.insert(item);
    expect(list.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    const byId = new Map(items.map((i) => [i.id, i]));
    const p = paginate(list, { limit: 3, order: 'desc', after: 'x5000' }, (id) => byId.get(id));
    expect(p.data.map((i) => i.id)).toEqual(['x4999', 'x4998', 'x4997']);
    list.remove(byId.get('x4998') as (typeof items)[number]);
    expect(paginate(list, { limit: 2, order: 'desc', after: 'x5000' }, (id) => byId.get(id)).data.map((i) => i.id)).toEqual(['x4999', 'x4997']);
  });
});
