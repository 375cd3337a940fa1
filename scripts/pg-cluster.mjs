// A throwaway PostgreSQL cluster for tests: initdb into a temp directory, start it on a free loopback port with its
// socket in that directory, stop and remove it afterwards. Used by `npm test`, by vitest when TEST_DATABASE_URL is
// unset (targeted runs), and by the fault tests that need a server they may stop. Debian's `postgresql` package
// provides the binaries; as root it is installed with apt-get when missing. initdb refuses to run as root, so as
// root the cluster runs as the `postgres` system user the package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function findBinDir() {
  const fromEnv = process.env.PG_BIN?.trim();
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(debian, v, 'bin', 'initdb'))) return join(debian, v, 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) return join(onPath.stdout.trim(), '..');
  return null;
}

function installPostgres(log) {
  log('PostgreSQL not found: installing Debian\'s postgresql with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env, timeout: 600_000 });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env, timeout: 600_000 });
    r = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env, timeout: 600_000 });
  }
  return r.status === 0;
}

export const HOW_TO_GET_POSTGRES =
  'Tests need a PostgreSQL: set TEST_DATABASE_URL=postgres://user:pass@host:port/db (a server where that user may ' +
  'create databases), or install PostgreSQL (Debian: `apt-get install postgresql`; or set PG_BIN to the folder holding initdb and pg_ctl).';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function owner() {
  if (!isRoot()) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function run(binDir, tool, args, as) {
  const r = spawnSync(join(binDir, tool), args, { encoding: 'utf8', timeout: 120_000, ...(as ? { uid: as.uid, gid: as.gid } : {}), cwd: tmpdir() });
  if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim().slice(-2000)}`);
  return r.stdout;
}

/**
 * Starts a fresh cluster. Returns { url, port, dir, stop, halt, start }: `stop` shuts it down and removes the directory;
 * `halt` only shuts it down and `start` brings it back (fault tests need a server that was there and is gone).
 */
export async function startCluster({ log = () => {}, install = true } = {}) {
  let binDir = findBinDir();
  if (!binDir && install && isRoot() && installPostgres(log)) binDir = findBinDir();
  if (!binDir) throw new Error(`No PostgreSQL binaries (initdb, pg_ctl) found. ${HOW_TO_GET_POSTGRES}`);
  const as = owner();
  const dir = mkdtempSync(join(tmpdir(), 'runboard-pg-'));
  if (as) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  // Test data is throwaway: no fsync. Socket in the temp dir so nothing touches /var/run/postgresql.
  const serverOpts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => run(binDir, 'pg_ctl', ['-D', data, '-o', serverOpts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], as);
  try {
    run(binDir, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], as);
    start();
  } catch (error) {
    const serverLog = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-1500) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${error.message}${serverLog ? `\n${serverLog}` : ''}`, { cause: error });
  }
  const halt = (mode = 'fast') => {
    spawnSync(join(binDir, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], { encoding: 'utf8', timeout: 60_000, ...(as ? { uid: as.uid, gid: as.gid } : {}), cwd: tmpdir() });
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    halt,
    start,
    stop: () => {
      halt('fast');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
