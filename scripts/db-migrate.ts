// `npm run db:migrate`: applies every pending migration to the configured database (DATABASE_URL, else the SQLite
// file RUNBOARD_DB_FILE, default data/runboard.db), reading .env/.env.local like the server does. The server also
// migrates when it first opens the store; this is for deployments that migrate as a separate step.
import { loadEnvConfig } from '@next/env';
import { connectStore, describeStore, migrateToLatest, storeOptionsFromEnv } from '../lib/store/db';
import { migrations } from '../lib/store/migrations';

loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

async function main(): Promise<void> {
  const options = storeOptionsFromEnv();
  const where = describeStore(options);
  try {
    const store = connectStore(options);
    try {
      const { results = [] } = await migrateToLatest(store.db);
      const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      console.log(
        applied.length > 0
          ? `[runboard] ${where}: applied ${applied.join(', ')}; schema at ${Object.keys(migrations).at(-1)}`
          : `[runboard] ${where}: already up to date (${Object.keys(migrations).at(-1)})`,
      );
    } finally {
      await store.close();
    }
  } catch (error) {
    console.error(`[runboard] migrating ${where} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
