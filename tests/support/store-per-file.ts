import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { closeStore } from '@/lib/store/db';

// Every test file gets its own SQLite store (threads seen, audit log) unless it picks one itself, so suites running
// in parallel never share or lock one file, and nothing lands in the repository's data/ folder.

if (!process.env.RUNBOARD_DB_FILE && !process.env.DATABASE_URL) {
  const file = join(tmpdir(), `runboard-vitest-${process.pid}-${randomBytes(4).toString('hex')}.db`);
  process.env.RUNBOARD_DB_FILE = file;
  afterAll(async () => {
    await closeStore();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  });
}
