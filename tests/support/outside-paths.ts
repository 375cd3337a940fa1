/**
 * Finds places where a repository file refers to a path outside the repository — the kind of reference that works
 * in a developer's checkout (something lies beside it) and fails in a fresh clone.
 *
 * What counts, and why each rule is shaped as it is:
 * - A relative path (`./…`, `../…`, in quotes, backticks or a Markdown link) that climbs above the repository root
 *   from the folder of the file that contains it: that is how imports, `__dirname`, `import.meta.url` and Markdown
 *   links resolve. `'../fixtures'` in `e2e/ui/` stays inside; four levels up from `tests/proxy/support/` does not.
 * - In files that run from the repository root (package.json scripts, shell scripts), relative paths resolve from
 *   the root instead.
 * - `resolve(…)` / `join(…)` from a root-like base (`ROOT`, `repoRoot`, `process.cwd()`) with `'..'` segments or a
 *   `'../…'` argument that climbs above the root.
 * - Absolute paths into machine-specific folders (work, home, Users, root and tmp at the top of the file system, a
 *   Windows user folder) and absolute file URLs. Operating-system interfaces (`/usr/bin/chromium`, `/proc/<pid>/stat`, `/dev/null`) are
 *   prerequisites the README documents, not the surroundings of a checkout, so they are allowed.
 * - A tracked symlink whose target is outside the repository.
 * Globs (`"../*"` in a lint rule's import patterns) name a set of imports, not a file, and are skipped; so is text
 * that only looks like a path inside a longer word.
 */
import path from 'node:path';

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
  reason: string;
}

/** Files whose relative paths are resolved by a process started in the repository root. */
function resolvesFromRoot(file: string): boolean {
  return file === 'package.json' || file.endsWith('.sh') || file.startsWith('.ci/') || !file.includes('/');
}

function escapes(fromDir: string, relative: string): boolean {
  const resolved = path.posix.normalize(path.posix.join(fromDir === '' ? '.' : fromDir, relative));
  return resolved === '..' || resolved.startsWith('../');
}

const RELATIVE_PATH = /(?:^|[\s'"`(=[,])(\.{1,2}\/[^\s'"`)\]>,;]*)/g;
const ROOT_JOIN = /\b(?:resolve|join)\(\s*(ROOT|root|repoRoot|rootDir|process\.cwd\(\))\s*,((?:\s*(?:'[^']*'|"[^"]*")\s*,?)+)\)/g;
const MACHINE_ABSOLUTE = /(?<![\w.~/-])(?:\/(?:work|home|Users|root|tmp)\/|[A-Za-z]:\\Users\\|file:\/\/\/)/g;

export function findOutsideReferences(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const fileDir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
  const baseDir = resolvesFromRoot(file) ? '' : fileDir;
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    const add = (reason: string) => found.push({ file, line: index + 1, text: lineText.trim().slice(0, 160), reason });
    for (const match of lineText.matchAll(RELATIVE_PATH)) {
      const candidate = match[1] ?? '';
      if (candidate.includes('*')) continue;
      if (escapes(baseDir, candidate)) add(`relative path ${candidate} climbs above the repository root`);
    }
    for (const match of lineText.matchAll(ROOT_JOIN)) {
      const segments = [...(match[2] ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
      if (escapes('', segments.join('/'))) add(`${match[1]} joined with ${segments.join(', ')} climbs above the repository root`);
    }
    for (const match of lineText.matchAll(MACHINE_ABSOLUTE)) add(`absolute path ${match[0]}… is machine-specific`);
  });
  return found;
}

/** A symlink stored in git records its target as the blob's text. */
export function findOutsideSymlink(file: string, target: string): OutsideReference[] {
  const fileDir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
  if (path.posix.isAbsolute(target) || escapes(fileDir, target)) {
    return [{ file, line: 0, text: `-> ${target}`, reason: 'symlink points outside the repository' }];
  }
  return [];
}
