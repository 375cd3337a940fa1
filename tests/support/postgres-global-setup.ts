import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script shared with `npm test`
import { startCluster } from '../../scripts/pg-cluster.mjs';

// Vitest global setup: every suite that runs on PostgreSQL needs TEST_DATABASE_URL. `npm test` provides it (from the
// environment or a cluster it starts); a targeted `npx vitest run` without it gets a throwaway cluster here, stopped
// when the run ends.

declare module 'vitest' {
  interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('testDatabaseUrl', given);
    return;
  }
  const cluster = (await startCluster({ log: (line: string) => console.log(`[postgres] ${line}`) })) as { url: string; stop: () => void };
  process.env.TEST_DATABASE_URL = cluster.url;
  project.provide('testDatabaseUrl', cluster.url);
  return async () => cluster.stop();
}
