import { describe, expect, it } from 'vitest';
import { extractIds, resolveSearch } from './thread-search';
import { runHref, threadHref } from './hrefs';

const T = 'thread_abc123DEF456ghi789JKL0';
const R = 'run_Zyx987wvu654TSR321qpo0AB';

describe('extractIds', () => {
  it('finds a bare thread id', () => {
    expect(extractIds(`  ${T}\n`)).toEqual({ threadIds: [T], runIds: [] });
  });
  it('reads ids out of a Runboard URL', () => {
    expect(extractIds(`http://localhost:3000/threads/${T}/runs/${R}?step=2`)).toEqual({ threadIds: [T], runIds: [R] });
  });
  it('reads ids out of run JSON and ignores field names such as thread_id / run_id', () => {
    const json = JSON.stringify({ id: R, object: 'thread.run', thread_id: T, metadata: { run_id: 'x' } });
    expect(extractIds(json)).toEqual({ threadIds: [T], runIds: [R] });
  });
  it('does not match inside other words and keeps the first occurrence only once', () => {
    expect(extractIds(`my_thread_abcdef xrun_abcdef ${T} ${T}`)).toEqual({ threadIds: [T], runIds: [] });
  });
  it('ignores ids too short to be real', () => {
    expect(extractIds('thread_ab run_x')).toEqual({ threadIds: [], runIds: [] });
  });
});

describe('resolveSearch', () => {
  it('opens a thread for a thread id', () => {
    expect(resolveSearch(T).target).toEqual({ kind: 'thread', threadId: T });
  });
  it('opens the run directly when both ids are present', () => {
    expect(resolveSearch(`[error] ${R} on ${T}: failed`).target).toEqual({ kind: 'run', runId: R, threadId: T });
  });
  it('needs a lookup for a run id alone', () => {
    expect(resolveSearch(`customer says ${R} hangs`).target).toEqual({ kind: 'run-lookup', runId: R });
  });
  it('counts ignored extra ids', () => {
    expect(resolveSearch(`${T} thread_secondOne123 thread_third456`).others).toBe(2);
  });
  it('explains empty and id-less input', () => {
    expect(resolveSearch('   ').target.kind).toBe('none');
    const r = resolveSearch('hello world');
    expect(r.target).toMatchObject({ kind: 'none', reason: expect.stringContaining('No thread id') });
  });
  it('never refuses an id for its shape: a bare UUID or short id opens as a thread, a bare run_ id is looked up', () => {
    expect(resolveSearch('3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f').target).toEqual({ kind: 'thread', threadId: '3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f' });
    expect(resolveSearch('thread_ab').target).toEqual({ kind: 'thread', threadId: 'thread_ab' });
    expect(resolveSearch('run_x').target).toEqual({ kind: 'run-lookup', runId: 'run_x' });
  });
});

describe('facade ids (nanoid bodies starting with _ or -)', () => {
  const FT = 'thread__mi00gKFbpSTbNhLPkVFe';
  const FR = 'run_-p95RW5vWZXTHCe_EK6-o';
  it('finds them bare, in text, in URLs and in JSON', () => {
    expect(resolveSearch(FT).target).toEqual({ kind: 'thread', threadId: FT });
    expect(resolveSearch(`customer says ${FR} hangs`).target).toEqual({ kind: 'run-lookup', runId: FR });
    expect(resolveSearch(`https://runboard.example/threads/${FT}/runs/${FR}`).target).toEqual({ kind: 'run', runId: FR, threadId: FT });
    expect(resolveSearch(JSON.stringify({ id: FR, object: 'thread.run', thread_id: FT })).target).toEqual({ kind: 'run', runId: FR, threadId: FT });
  });
  it('reads UUID ids from URLs and JSON fields, where no prefix tells what they are', () => {
    const U = '3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f';
    expect(resolveSearch(`see /threads/${U} please`).target).toEqual({ kind: 'thread', threadId: U });
    expect(resolveSearch(`level=error thread_id=${U} run_id=run_abc123`).target).toEqual({ kind: 'run', runId: 'run_abc123', threadId: U });
  });
});

describe('hrefs', () => {
  it('builds encoded paths', () => {
    expect(threadHref(T)).toBe(`/threads/${T}`);
    expect(runHref(T, R)).toBe(`/threads/${T}/runs/${R}`);
  });
});

describe('ids broken or too long (issue 9 defect 9)', () => {
  const id = 'thread_abc123DEF456ghi789JKL0';
  it('a pasted id split by a space or line break is refused with the joined id offered, never half-opened', () => {
    for (const sep of [' ', '\n', '\r\n', '\t']) {
      const { target } = resolveSearch(`${id.slice(0, 15)}${sep}${id.slice(15)}`);
      expect(target).toMatchObject({ kind: 'none', suggestion: id });
      expect(target.kind === 'none' && target.reason).toMatch(/split by a space or line break/);
    }
  });
  it('prose around an id is still searched as before', () => {
    expect(resolveSearch(`${id} is stuck again`).target).toEqual({ kind: 'thread', threadId: id });
    expect(resolveSearch(`see ${id} please`).target).toEqual({ kind: 'thread', threadId: id });
    expect(resolveSearch(`${id} run_abcDEF123456`).target).toEqual({ kind: 'run', threadId: id, runId: 'run_abcDEF123456' });
  });
  it('surrounding whitespace and line breaks are trimmed', () => {
    expect(resolveSearch(`\n  ${id}\t\n`).target).toEqual({ kind: 'thread', threadId: id });
  });
  it('an id over 128 characters is refused, not cut to its first 128', () => {
    const long = `thread_${'a'.repeat(128)}`;
    const { target } = resolveSearch(long);
    expect(target.kind).toBe('none');
    expect(target.kind === 'none' && target.reason).toMatch(/is 135 characters; ids are at most 128/);
    const ok = `thread_${'a'.repeat(121)}`;
    expect(ok).toHaveLength(128);
    expect(resolveSearch(ok).target).toEqual({ kind: 'thread', threadId: ok });
  });
});

