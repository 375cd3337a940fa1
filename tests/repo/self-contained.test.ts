import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOutsideReferences, findOutsideSymlink } from '../support/outside-paths';

// A fresh clone has nothing beside it, so no file in the repository may point outside it (see outside-paths.ts for
// what counts). The examples below spell "up one folder" as UP and the file system's root as {/}, so that this file
// does not match its own rules.
const up = (text: string) => text.replaceAll('UP', '..').replaceAll('{/}', '/');
const root = path.resolve(__dirname, '../..');

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('the repository refers only to itself', () => {
  it('no tracked or new (not ignored) file refers to a path outside the repository', () => {
    // --cached: tracked; --others --exclude-standard: new files not yet committed, but not build output.
    const entries = git(['ls-files', '--cached', '--others', '--exclude-standard', '-s', '-z'])
      .split('\0')
      .filter(Boolean);
    const found = [];
    for (const entry of entries) {
      // Tracked: "<mode> <hash> <stage>\t<path>"; untracked files come without the prefix.
      const tab = entry.indexOf('\t');
      const meta = tab === -1 ? '' : entry.slice(0, tab);
      const file = entry.slice(tab + 1);
      if (meta.startsWith('120000')) {
        found.push(...findOutsideSymlink(file, git(['cat-file', '-p', meta.split(' ')[1] ?? ''])));
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(root, file));
      } catch {
        continue; // deleted in the working tree, not yet committed
      }
      if (bytes.includes(0)) continue; // binary
      found.push(...findOutsideReferences(file, bytes.toString('utf8')));
    }
    expect(found).toEqual([]);
    expect(entries.length).toBeGreaterThan(100);
  });
});

describe('findOutsideReferences', () => {
  const refs = (file: string, text: string) => findOutsideReferences(file, up(text)).map((r) => r.reason);

  it('flags the team folder beside the checkout, however it is spelled', () => {
    expect(refs('tests/support/spec.ts', "resolve(repoRoot, 'UP', 'shared', 'spec', 'openai-openapi.yaml')")).toHaveLength(1);
    expect(refs('e2e/support/steady-server.ts', "path.resolve(ROOT, 'UP/shared/spec/openai-openapi.yaml')")).toHaveLength(1);
    expect(refs('tests/proxy/support/steady.ts', "path.resolve(__dirname, 'UP/UP/UP/UP/shared/spec/x.yaml')")).toHaveLength(1);
    expect(refs('.ci/run', 'cp UP/shared/spec/x.yaml spec/')).toHaveLength(1);
    expect(refs('package.json', '"spec": "steady UP/shared/spec/x.yaml"')).toHaveLength(1);
    expect(refs('README.md', 'see [the docs](UP/shared/docs/style.md)')).toHaveLength(1);
  });

  it('flags machine-specific absolute paths', () => {
    expect(refs('lib/x.ts', "const spec = '{/}work/shared/spec/x.yaml';")).toHaveLength(1);
    expect(refs('lib/x.ts', 'const home = `{/}home/dev/runboard`;')).toHaveLength(1);
    expect(refs('lib/x.ts', "readFileSync('{/}tmp/runboard.db')")).toHaveLength(1);
    expect(refs('lib/x.ts', "new URL('file://{/}Users/dev/x')")).toHaveLength(1);
  });

  it('allows what stays inside: imports, __dirname climbs to the root, globs, data, system paths and URLs', () => {
    expect(refs('e2e/ui/home.spec.ts', "import { test } from 'UP/fixtures';")).toEqual([]);
    expect(refs('lib/emulator/engine/apply.ts', "import { RunObject } from 'UP/UP/contract';")).toEqual([]);
    expect(refs('bench/proxy-support.ts', "export const ROOT = path.resolve(__dirname, 'UP');")).toEqual([]);
    expect(refs('tests/support/spec.ts', "const repoRoot = resolve(here, 'UP', 'UP');")).toEqual([]);
    expect(refs('.oxlintrc.json', '{ "group": ["@/*", "UP/*"] }')).toEqual([]);
    expect(refs('lib/contract/common.test.ts', "ListQuery.safeParse({ after: 'UP/x' })")).toEqual([]);
    expect(refs('lib/contract/endpoints.test.ts', "['UP', `/threads/UP/runs`, 'thread_id']")).toEqual([]);
    expect(refs('scripts/find-chromium.mjs', "['/usr/bin/chromium', '/snap/bin/chromium']")).toEqual([]);
    expect(refs('bench/proxy-support.ts', 'readFileSync(`/proc/${pid}/stat`)')).toEqual([]);
    expect(refs('lib/emulator/scripts/content.ts', "'/mnt/data/revenue.csv'")).toEqual([]);
    expect(refs('README.md', 'https://example.com/home/work/root/ and api/v1/tmp/x')).toEqual([]);
  });

  it('flags a symlink to outside the repository', () => {
    expect(findOutsideSymlink('spec', up('UP/shared/spec'))).toHaveLength(1);
    expect(findOutsideSymlink('spec', up('{/}work/shared/spec'))).toHaveLength(1);
    expect(findOutsideSymlink('lib/x', up('UP/contract'))).toEqual([]);
  });
});
