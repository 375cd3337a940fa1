/**
 * `npm run bench:index`: search over a thread index of 100,000 threads (scripts/seed-index.ts's data) on SQLite
 * (a temp file) and on PostgreSQL (BENCH_DATABASE_URL, else a throwaway cluster from scripts/pg-cluster.mjs), each
 * freshly migrated. Prints p50/p95 of a search by customer reference (the issue's bar: p95 < 50 ms on both), and for
 * comparison by id prefix, by a title word and with a status filter. Measures the store query the route runs.
 *
 * Env: BENCH_INDEX_THREADS (default 100000), BENCH_INDEX_QUERIES (default 300), BENCH_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../lib/store/db';
import { searchThreads } from '../lib/store/index-search';
import { seedIndex, seededCustomerRef } from '../lib/store/index-seed';

const THREADS = Number(process.env.BENCH_INDEX_THREADS ?? 100_000);
const QUERIES = Number(process.env.BENCH_INDEX_QUERIES ?? 300);

type Row = { engine: string; search: string; p50: number; p95: number; hits: number };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(store: Store, engine: string): Promise<Row[]> {
  const seedStart = performance.now();
  await seedIndex(store.db, 'default', THREADS);
  console.log(`[bench:index] ${engine}: ${THREADS.toLocaleString('en-US')} threads seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const searches: Array<[string, (i: number) => Parameters<typeof searchThreads>[1]]> = [
    ['customer ref (q=CUST-…)', (i) => ({ connectionId: 'default', q: seededCustomerRef((i * 7919) % THREADS), limit: 25 })],
    ['id prefix (q=thread_seed01234)', (i) => ({ connectionId: 'default', q: `thread_seed${String((i * 31) % 10_000).padStart(5, '0')}`, limit: 25 })],
    ['title word (q=refund), first page', () => ({ connectionId: 'default', q: 'refund', limit: 25 })],
    ['status=failed, first page', () => ({ connectionId: 'default', status: 'failed', limit: 25 })],
  ];
  const rows: Row[] = [];
  for (const [name, params] of searches) {
    for (let i = 0; i < 20; i += 1) await searchThreads(store.db, params(i + 10_000));
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < QUERIES; i += 1) {
      const t0 = performance.now();
      const { rows: found } = await searchThreads(store.db, params(i));
      times.push(performance.now() - t0);
      hits += found.length;
    }
    times.sort((a, b) => a - b);
    rows.push({ engine, search: name, p50: pct(times, 50), p95: pct(times, 95), hits: hits / QUERIES });
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`[bench:index] node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const rows: Row[] = [];
  const file = join(tmpdir(), `runboard-bench-index-${randomBytes(4).toString('hex')}.db`);
  const sqlite = await openStore({ sqliteFile: file });
  try {
    rows.push(...(await measure(sqlite, 'SQLite')));
  } finally {
    await sqlite.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
  let cluster: { url: string; stop: () => void } | null = null;
  try {
    let url = process.env.BENCH_DATABASE_URL?.trim();
    if (!url) {
      // @ts-expect-error -- plain JavaScript module without types (shared with the test runner)
      const { startCluster } = (await import('../scripts/pg-cluster.mjs')) as { startCluster: (o?: object) => Promise<{ url: string; stop: () => void }> };
      cluster = await startCluster({ log: (m: string) => console.log(`[bench:index] ${m}`) });
      url = cluster.url;
    }
    const pg = await openStore({ databaseUrl: url });
    try {
      rows.push(...(await measure(pg, 'PostgreSQL')));
    } finally {
      await pg.close();
    }
  } finally {
    cluster?.stop();
  }
  console.log('\n| engine | search | p50 ms | p95 ms | rows/page |\n|---|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.engine} | ${r.search} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.hits.toFixed(1)} |`);
  const bar = rows.filter((r) => r.search.startsWith('customer ref'));
  const ok = bar.every((r) => r.p95 < 50);
  console.log(`\nsearch by customer reference, p95 < 50 ms on both engines: ${ok ? 'yes' : 'NO'} (${bar.map((r) => `${r.engine} ${r.p95.toFixed(1)} ms`).join(', ')}); load average ${loadavg()[0]!.toFixed(2)}`);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
