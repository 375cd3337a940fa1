// Suites on PostgreSQL set DATABASE_URL, which needs RUNBOARD_SECRET (lib/auth/env.ts); a child process a test
// starts must sign cookies with the same secret. A fixed test-only value, never used outside vitest.
process.env.RUNBOARD_SECRET ||= 'vitest-only-secret-not-for-any-real-server-0123456789';
