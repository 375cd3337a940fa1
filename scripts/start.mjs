// `npm start`: builds when the production build is missing or older than the sources, then serves the dashboard.
// With no OPENAI_BASE_URL the server boots the embedded emulator itself (see instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const port = process.env.PORT || '3000';
// Loopback by default: there is no sign-in yet, so sharing the proxy (and its key) on the network is an explicit choice.
const host = process.env.HOST || '127.0.0.1';
const SOURCES = ['app', 'components', 'lib', 'instrumentation.ts', 'next.config.mjs', 'package.json', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIsCurrent() {
  const buildId = join(distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= builtAt);
}

const nextBin = join('node_modules', '.bin', 'next');
if (process.env.RUNBOARD_SKIP_BUILD !== '1' && !buildIsCurrent()) {
  console.log(`[runboard] building the dashboard (${distDir} is missing or older than the sources)…`);
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`[runboard] dashboard: http://localhost:${port}`);
// next-server is started directly (not through npx) so signals reach it and Ctrl-C stops everything.
const server = spawn(nextBin, ['start', '-p', port, '-H', host], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
