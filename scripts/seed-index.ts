// `npm run seed:index [-- N]`: fills the thread index of Runboard's database (DATABASE_URL, else RUNBOARD_DB_FILE /
// data/runboard.db) with N synthetic registered threads (default 100,000; customer refs CUST-000001…), for trying
// search at scale. Idempotent: threads already there are left alone.
import { describeStore, openStore, storeOptionsFromEnv } from '../lib/store/db';
import { seedIndex } from '../lib/store/index-seed';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? process.env.SEED_INDEX_COUNT ?? 100_000);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) throw new Error('N must be a whole number between 1 and 10,000,000');
  const options = storeOptionsFromEnv();
  const store = await openStore(options);
  const started = Date.now();
  let shown = 0;
  try {
    await seedIndex(store.db, process.env.RUNBOARD_CONNECTION_ID ?? 'default', count, {
      onProgress: (done) => {
        if (done - shown >= 10_000 || done === count) {
          shown = done;
          process.stdout.write(`[seed:index] ${done.toLocaleString('en-US')} / ${count.toLocaleString('en-US')} threads\n`);
        }
      },
    });
    console.log(`[seed:index] ${count.toLocaleString('en-US')} threads in ${describeStore(options)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[seed:index] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
