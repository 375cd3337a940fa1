import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // PostgreSQL for the suites that run on both engines (uses TEST_DATABASE_URL, else starts a throwaway cluster).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    setupFiles: ['tests/support/auth-env.ts', 'tests/support/store-per-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 'server-only' throws outside a React server bundle; unit tests import server modules directly.
    alias: { 'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)) },
  },
});
