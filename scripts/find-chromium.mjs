// Finds a Chromium for Playwright, or installs one, in the order the README documents:
// CHROMIUM_PATH → a system chromium → a browser Playwright already downloaded → `apt-get install chromium` (root on
// Debian/Ubuntu) → Playwright's own download (where the network allows it). Prints the path on stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const log = (msg) => process.stderr.write(`[chromium] ${msg}\n`);
const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

function works(path) {
  if (!path || !existsSync(path)) return false;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && /chrom/i.test(r.stdout);
}

async function playwrightBundled() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return works(path) ? path : null;
  } catch {
    return null;
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export async function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (works(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not a working Chromium (\`--version\` failed).`);
  }
  const system = SYSTEM_CANDIDATES.find(works);
  if (system) return system;
  const bundled = await playwrightBundled();
  if (bundled) return bundled;
  if (!install) return null;

  if (isRoot() && existsSync('/usr/bin/apt-get')) {
    log('no Chromium found; installing Debian package `chromium` with apt-get (about 20 s)…');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', timeout: 600_000 });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 900_000,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      log(`apt-get install chromium failed: ${error.message}`);
    }
    const installed = SYSTEM_CANDIDATES.find(works);
    if (installed) return installed;
  }
  log('trying Playwright’s own browser download…');
  const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
  if (r.status === 0) {
    const bundledNow = await playwrightBundled();
    if (bundledNow) return bundledNow;
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one and retry:\n' +
      '  • Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  • or point CHROMIUM_PATH at a Chromium/Chrome binary\n' +
      '  • or, with internet access: npx playwright install chromium',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  findChromium()
    .then((path) => process.stdout.write(`${path}\n`))
    .catch((error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    });
}
