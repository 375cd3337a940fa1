import { describe, expect, it } from 'vitest';
import { describeStatusFilter, parseThreadPageParams, serializeThreadPageParams, statusMatcher } from './thread-page-params';

describe('thread page URL state', () => {
  it('defaults when the URL is empty', () => {
    expect(parseThreadPageParams(new URLSearchParams())).toEqual({ status: 'all', limit: 25 });
  });
  it('round-trips filter, page size and cursors', () => {
    const params = { status: 'failed', limit: 100, after: 'run_abc', mbefore: 'msg_xyz' };
    const qs = serializeThreadPageParams(params);
    expect(qs).toBe('?status=failed&limit=100&after=run_abc&mbefore=msg_xyz');
    expect(parseThreadPageParams(new URLSearchParams(qs))).toEqual(params);
  });
  it('accepts the record form Next passes to pages', () => {
    expect(parseThreadPageParams({ status: ['active', 'x'], before: 'run_1' })).toMatchObject({ status: 'active', before: 'run_1' });
  });
  it('drops junk instead of failing: bad page size, cursor with a slash, both cursors', () => {
    const p = parseThreadPageParams(new URLSearchParams('limit=7&after=../x&status=%3Cscript%3E'));
    expect(p).toMatchObject({ limit: 25, after: undefined });
    // A status that is no status is not dropped silently but refused with a message (the page scans nothing).
    expect(p.statusProblem).toMatch(/is not a run status/);
    expect(parseThreadPageParams(new URLSearchParams('after=run_a&before=run_b'))).toMatchObject({ after: 'run_a', before: undefined });
  });
  it('omits defaults so links stay short', () => {
    expect(serializeThreadPageParams({ status: 'all', limit: 25 })).toBe('');
  });
});

describe('status filters', () => {
  it('matches groups, single statuses and comma lists', () => {
    expect(statusMatcher('all')).toBeNull();
    expect(statusMatcher('active')!({ status: 'requires_action' })).toBe(true);
    expect(statusMatcher('active')!({ status: 'completed' })).toBe(false);
    expect(statusMatcher('problems')!({ status: 'expired' })).toBe(true);
    expect(statusMatcher('failed,expired')!({ status: 'expired' })).toBe(true);
    expect(statusMatcher('failed')!({ status: 'completed' })).toBe(false);
  });
  it('describes the filter in words', () => {
    expect(describeStatusFilter('requires_action')).toBe('requires action');
    expect(describeStatusFilter('active')).toBe('active (queued, in progress, requires action, cancelling)');
  });
});

describe('status filters that name no status (issue 9 defect 8)', () => {
  it('are refused with what is wrong, never scanned for', () => {
    const view = parseThreadPageParams(new URLSearchParams('status=bogus&limit=10'));
    expect(view.statusProblem).toMatch(/^“bogus” is not a run status\. Use all, active, problems or one of: queued, /);
    expect(view.limit).toBe(10);
    expect(parseThreadPageParams(new URLSearchParams('status=failed,nope,zzz')).statusProblem).toMatch(/^“nope”, “zzz” are not run statuses/);
    expect(parseThreadPageParams(new URLSearchParams('status=<script>')).statusProblem).toMatch(/is not a run status/);
  });
  it('real statuses, lists of them and groups are accepted', () => {
    for (const status of ['all', 'problems', 'active', 'failed', 'failed,expired', 'requires_action']) {
      expect(parseThreadPageParams(new URLSearchParams({ status })).statusProblem, status).toBeUndefined();
    }
    expect(parseThreadPageParams(new URLSearchParams('')).statusProblem).toBeUndefined();
  });
});

