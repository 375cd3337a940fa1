// A second Runboard whose embedded emulator runs the sparse facade profile (EMULATOR_PROFILE=sparse): no runs list,
// no steps, no run update, nanoid ids, cancels of finished runs accepted, several active runs per thread. Started
// once per worker next to the shared webServer (which keeps the full emulator), each with its own database: its first
// admin is the e2e admin (from the environment), signed in once here, and every test of this file acts as that admin
// on it (cookies are per host, not per port, so a test talks to one Runboard only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContextOptions } from '@playwright/test';
import { test as base, EmulatorControl } from '../fixtures';
import { identity } from './identities';
import { freePort, startNextServer } from './processes';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;
export type SparseRunboard = { url: string; emulator: EmulatorControl; storageState: StorageState };

const SPARSE_KEY = 'sk-e2e-sparse-facade-0123456789';

export const test = base.extend<object, { sparse: SparseRunboard }>({
  storageState: async ({ sparse }, use) => use(sparse.storageState),
  sparse: [
    async ({ playwright }, use) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'runboard-sparse-'));
      const emulatorPort = await freePort();
      const server = await startNextServer(process.env.E2E_DIST_DIR ?? '.next-e2e', {
        OPENAI_BASE_URL: '',
        OPENAI_API_KEY: '',
        EMULATOR_PROFILE: 'sparse',
        EMULATOR_PORT: String(emulatorPort),
        EMULATOR_API_KEY: SPARSE_KEY,
        RUNBOARD_DB_FILE: path.join(dataDir, 'runboard.db'),
        RUNBOARD_LOG: 'off',
        RUNBOARD_ADMIN_EMAIL: identity('admin').email,
        RUNBOARD_ADMIN_PASSWORD: identity('admin').password,
      });
      const session = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
      const signIn = await session.post('/api/auth/sign-in/email', { data: { email: identity('admin').email, password: identity('admin').password } });
      if (signIn.status() !== 200) throw new Error(`sign-in on the sparse Runboard failed: ${signIn.status()} ${await signIn.text()}`);
      const storageState = await session.storageState();
      await session.dispose();
      const api = await playwright.request.newContext({
        baseURL: `http://127.0.0.1:${emulatorPort}`,
        extraHTTPHeaders: { authorization: `Bearer ${SPARSE_KEY}`, 'openai-beta': 'assistants=v2' },
      });
      try {
        await use({ url: server.url, emulator: new EmulatorControl(api), storageState });
      } finally {
        await api.dispose();
        await server.process.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect } from '../fixtures';
