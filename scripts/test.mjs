// `npm test`: typecheck, lint, unit + contract tests, production build, browser + API tests.
// Every stage runs even after a failure, so one run shows everything that is wrong; the last line is the
// plain "N passed, N failed" summary that CI reads.
// The store, audit and auth suites run on SQLite and on PostgreSQL: TEST_DATABASE_URL if set, else a throwaway
// cluster started here (scripts/pg-cluster.mjs) and removed at the end, whatever happens.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { HOW_TO_GET_POSTGRES, startCluster } from './pg-cluster.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const distDir = process.env.E2E_DIST_DIR || '.next-e2e';
const results = [];
const started = Date.now();

function stage(name, command, args, extraEnv = {}) {
  const t0 = Date.now();
  console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  // Interrupted (Ctrl-C, timeout): the stage's child got the signal too. Stop here — signal handlers cannot run
  // while spawnSync blocks, so this is where the run notices — and let the exit handler remove the cluster.
  if (['SIGINT', 'SIGTERM', 'SIGHUP'].includes(r.signal)) {
    console.log(`== ${name}: interrupted (${r.signal})`);
    process.exit(130);
  }
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
  console.log(`== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('reports', { recursive: true });
for (const f of ['reports/vitest.json', 'reports/e2e.json']) rmSync(f, { force: true });

let cluster = null;
if (!env.TEST_DATABASE_URL?.trim()) {
  const t0 = Date.now();
  console.log('\n== postgres: starting a throwaway cluster (TEST_DATABASE_URL is not set)');
  try {
    cluster = await startCluster({ log: (line) => console.log(`== postgres: ${line}`) });
  } catch (error) {
    console.error(`== postgres: FAILED: ${error.message}`);
    console.error(`\n${HOW_TO_GET_POSTGRES}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  env.TEST_DATABASE_URL = cluster.url;
  console.log(`== postgres: ${cluster.url} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const stopCluster = () => {
    if (!cluster) return;
    const c = cluster;
    cluster = null;
    c.stop();
  };
  process.on('exit', stopCluster);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stopCluster();
      process.exit(130);
    });
  }
}

const bin = (name) => `node_modules/.bin/${name}`;
stage('typegen', bin('next'), ['typegen']);
stage('typecheck', bin('tsc'), ['--noEmit']);
stage('lint', bin('oxlint'), ['--max-warnings', '0']);
stage('unit + contract', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
const built = stage('build', bin('next'), ['build'], { NEXT_DIST_DIR: distDir });
if (built) {
  stage('e2e', bin('playwright'), ['test'], { NEXT_DIST_DIR: distDir, E2E_DIST_DIR: distDir, CI: process.env.CI ?? '' });
} else {
  results.push({ name: 'e2e', ok: false, seconds: 0 });
}

// Count tests from the runners' JSON reports; a stage that failed without tests (tsc, lint, build) counts as one failure.
const vitest = readJson('reports/vitest.json');
const e2e = readJson('reports/e2e.json');
let passed = 0;
let failed = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numTotalTests === 0) failed += 1;
} else failed += 1;
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  if (e2e.stats.expected + e2e.stats.flaky + e2e.stats.unexpected === 0) failed += 1;
} else failed += 1;
for (const r of results) if (!r.ok && !['unit + contract', 'e2e'].includes(r.name)) failed += 1;
// A runner that failed without a failed test (an unhandled error, a crashed worker) still fails the run.
for (const [name, report, failedTests] of [['unit + contract', vitest, vitest?.numFailedTests], ['e2e', e2e, e2e?.stats.unexpected]]) {
  if (report && failedTests === 0 && results.find((r) => r.name === name)?.ok === false) failed += 1;
}

console.log('\n== summary');
for (const r of results) console.log(`   ${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`   total ${((Date.now() - started) / 1000).toFixed(0)} s`);
writeFileSync('reports/summary.json', JSON.stringify({ passed, failed, stages: results }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
