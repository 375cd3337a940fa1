import { afterAll, beforeAll } from 'vitest';
import { resetServerEnv } from '@/lib/server/env';
import { closeStore } from '@/lib/store/db';

/**
 * For tests of server handlers answered from Runboard's own store: a configured but unreachable upstream (so no
 * embedded emulator boots and nothing waits on the network) and an in-memory database. Registers its own hooks.
 */
export function withUnreachableUpstream(apiKey: string): void {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    process.env.OPENAI_API_KEY = apiKey;
    process.env.RUNBOARD_UPSTREAM_RETRIES = '0';
    process.env.RUNBOARD_UPSTREAM_TIMEOUT_MS = '1000';
    process.env.RUNBOARD_DB_FILE = ':memory:';
    resetServerEnv();
  });
  afterAll(async () => {
    await closeStore();
    process.env = saved;
    resetServerEnv();
  });
}
