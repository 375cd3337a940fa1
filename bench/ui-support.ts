// Helpers for bench/ui.ts: the "bare Next.js page" baseline app, the 300-step run, and in-page timing marks.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmulatorServer } from '../lib/emulator/server';
import type { StepRec } from '../lib/emulator/store';
import { ROOT, startNext } from './proxy-support';

// ---------------------------------------------------------------------------------------------
// Baseline: one page, next + react only, built with the same Next (Turbopack) from this repo's node_modules.
// ---------------------------------------------------------------------------------------------

/** Its one client component renders the marker after hydration, the floor for anything rendered in the browser. */
const BASELINE_FILES: Record<string, string> = {
  'package.json': '{ "name": "bench-bare-next", "private": true }\n',
  'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  'app/page.tsx': `import { Ready } from './ready';
export const dynamic = 'force-dynamic';
export default function Page() {
  return <main><h1>Bare Next.js page</h1><Ready /></main>;
}
`,
  'app/ready.tsx': `'use client';
import { useEffect, useState } from 'react';
export function Ready() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <p data-testid="ready">ready</p> : null;
}
`,
};

/** The nearest directory containing both paths (Turbopack only compiles files under its root). */
function commonAncestor(a: string, b: string): string {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/**
 * Builds the baseline app in a temp dir (cached by Next version and file contents). node_modules is a symlink to
 * this repo's; Turbopack refuses to resolve `next` outside its root ("Could not find the Next.js package"), so
 * `turbopack.root` is set to the common ancestor of the temp dir and the real node_modules.
 */
export function ensureBaselineBuild(): string {
  const nextVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/next/package.json'), 'utf8')) as { version: string }).version;
  // Keyed on the node_modules it links to as well: a cached build whose link points at a removed checkout cannot start.
  const hash = createHash('sha256').update(nextVersion).update(JSON.stringify(BASELINE_FILES)).update(realpathSync(path.join(ROOT, 'node_modules'))).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `runboard-bench-bare-next-${hash}`);
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  for (const [file, text] of Object.entries(BASELINE_FILES)) writeFileSync(path.join(dir, file), text);
  const modules = realpathSync(path.join(ROOT, 'node_modules'));
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  const root = commonAncestor(realpathSync(dir), modules);
  writeFileSync(path.join(dir, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(root)} }, outputFileTracingRoot: ${JSON.stringify(root)} };\n`);
  console.log(`building the bare Next.js baseline in ${dir} …`);
  const result = spawnSync(path.join(dir, 'node_modules/.bin/next'), ['build'], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: '', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`baseline next build failed (exit ${result.status})`);
  return dir;
}

export type Server = { url: string; stop: () => void };

/** `next start` for the baseline app on a free port; resolves once `/` answers 200. */
export function startBaseline(dir: string): Promise<Server> {
  return startNext('', {}, { cwd: dir, readyPath: '/', name: 'baseline next start' });
}

// ---------------------------------------------------------------------------------------------
// Data: the 1,000-run thread is seeded; the 300-step run is the seeded `many_steps` run (52 steps) plus 248 copies
// of its own steps, attached through the emulator's store (no emulator change, no network shortcut for the page).
// ---------------------------------------------------------------------------------------------

export function grow300StepRun(server: EmulatorServer): { threadId: string; runId: string } {
  const { store } = server.emulator;
  const run = [...store.runs.values()].find((r) => r.wire.metadata?.scenario === 'many_steps' && r.wire.status === 'completed');
  if (!run) throw new Error('the emulator seed has no completed many_steps run');
  const originals: StepRec[] = [...run.steps.items];
  const start = run.wire.started_at ?? run.wire.created_at;
  const end = run.wire.completed_at ?? start + 600;
  for (let i = originals.length; i < 300; i++) {
    const template = originals[i % originals.length]!.wire;
    const created = start + Math.floor(((end - start) * i) / 300);
    const wire = structuredClone(template);
    wire.id = `step_bench${String(i).padStart(4, '0')}`;
    wire.created_at = created;
    if (wire.completed_at != null) wire.completed_at = Math.min(end, created + 2);
    store.attachStep(run, store.makeStep(wire));
  }
  return { threadId: run.wire.thread_id, runId: run.wire.id };
}

// ---------------------------------------------------------------------------------------------
// In-page marks: a MutationObserver notes, per name, the first frame in which a selector matched a visible element
// (whose text contains `text`, when given), as ms since navigation start (performance.now() counts from the
// navigation's time origin). The time is taken in the next animation frame, i.e. when that DOM is painted.
// ---------------------------------------------------------------------------------------------

export type Mark = { selector: string; text?: string };

export function markScript(marks: Record<string, Mark>): string {
  return `(() => {
    const marks = ${JSON.stringify(marks)};
    const seen = (window.benchMarks = {});
    const check = () => {
      for (const [name, { selector, text }] of Object.entries(marks)) {
        if (seen[name] !== undefined) continue;
        const el = [...document.querySelectorAll(selector)].find((e) => text === undefined || (e.textContent || '').includes(text));
        if (el && el.getClientRects().length > 0) {
          seen[name] = -1;
          requestAnimationFrame(() => { seen[name] = performance.now(); });
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
  })();`;
}

export function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
