import { execFileSync, execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN_EMAIL, identity } from './e2e/support/identities';

// Workers re-evaluate this file; values are fixed once in process.env by the main process so all agree.
function freePort(): string {
  return execSync(
    `node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"`,
  )
    .toString()
    .trim();
}

process.env.E2E_PORT ||= freePort();
process.env.E2E_EMULATOR_PORT ||= freePort();
// A known-per-run key lets the leak test search every response and static file for it.
process.env.E2E_EMULATOR_API_KEY ||= `sk-e2e-${randomBytes(18).toString('hex')}`;
process.env.E2E_DIST_DIR ||= process.env.NEXT_DIST_DIR || '.next-e2e';
process.env.E2E_DB_FILE ||= join(mkdtempSync(join(tmpdir(), 'runboard-e2e-')), 'runboard.db');
// The first admin comes from the environment (scripted deployment); e2e/setup signs everyone in once.
process.env.E2E_ADMIN_PASSWORD ||= `e2e-${randomBytes(12).toString('hex')}`;
process.env.CHROMIUM_PATH ||= execFileSync(process.execPath, ['scripts/find-chromium.mjs'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  // One server and one emulator clock are shared by every spec, so specs run one at a time.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testDir: './e2e/setup', testMatch: /.*\.setup\.ts/ },
    { name: 'api', testDir: './e2e/api', dependencies: ['setup'], use: { storageState: identity('admin').storageState } },
    {
      name: 'ui',
      testDir: './e2e/ui',
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        storageState: identity('admin').storageState,
        viewport: { width: 1280, height: 860 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${process.env.E2E_PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR,
      EMULATOR_PORT: process.env.E2E_EMULATOR_PORT,
      EMULATOR_API_KEY: process.env.E2E_EMULATOR_API_KEY,
      RUNBOARD_DB_FILE: process.env.E2E_DB_FILE,
      RUNBOARD_ADMIN_EMAIL: ADMIN_EMAIL,
      RUNBOARD_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      // The inbox specs wait for the watcher to find runs; a larger budget keeps them quick (its reads are marked and
      // left out of the fixtures' emulator request counts).
      RUNBOARD_WATCH_BUDGET_RPS: '10',
      // The proxy must talk to the embedded emulator, whatever the developer's shell exports.
      OPENAI_BASE_URL: '',
      OPENAI_API_KEY: '',
    },
  },
});
