// A second Runboard whose embedded emulator runs the sparse facade profile (EMULATOR_PROFILE=sparse): no runs list,
// no steps, no run update, nanoid ids, cancels of finished runs accepted, several active runs per thread. Started
// once per worker next to the shared webServer (which keeps the full emulator), each with its own database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, EmulatorControl } from '../fixtures';
import { freePort, startNextServer } from './processes';

export type SparseRunboard = { url: string; emulator: EmulatorControl };

const SPARSE_KEY = 'sk-e2e-sparse-facade-0123456789';

export const test = base.extend<object, { sparse: SparseRunboard }>({
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
      });
      const api = await playwright.request.newContext({
        baseURL: `http://127.0.0.1:${emulatorPort}`,
        extraHTTPHeaders: { authorization: `Bearer ${SPARSE_KEY}`, 'openai-beta': 'assistants=v2' },
      });
      try {
        await use({ url: server.url, emulator: new EmulatorControl(api) });
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
