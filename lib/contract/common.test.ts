import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FILE_SEARCH_CONTENT_INCLUDE,
  ID_PATTERN,
  ID_PREFIXES,
  IncludeQuery,
  ListMessagesQuery,
  ListQuery,
  Metadata,
  PrefixedId,
  UnixTime,
  formatZodIssues,
  isIdOf,
  issuePath,
  searchParamsToQuery,
} from './index';

describe('ids', () => {
  it('ID_PATTERN allows real ids and rejects path tricks', () => {
    for (const ok of ['thread_abc123', 'file-AbC_9', 'a'.repeat(128)]) expect(ID_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '..', 'a/b', 'a%2Fb', 'a.b', 'a b', 'a'.repeat(129), 'é']) expect(ID_PATTERN.test(bad)).toBe(false);
  });

  it('exposes the prefixes and checks them', () => {
    expect(ID_PREFIXES).toMatchObject({ assistant: 'asst_', thread: 'thread_', run: 'run_', step: 'step_', message: 'msg_', call: 'call_', file: 'file-' });
    expect(isIdOf('run', 'run_1')).toBe(true);
    expect(isIdOf('run', 'thread_1')).toBe(false);
    expect(formatZodIssues(PrefixedId('thread').safeParse('undefined').error!).message).toBe(
      "Invalid request body: must be an ID that begins with 'thread_'.",
    );
  });
});

describe('UnixTime', () => {
  it('accepts integer seconds only', () => {
    expect(UnixTime.safeParse(1_760_000_000).success).toBe(true);
    expect(UnixTime.safeParse(1_760_000_000_000).success).toBe(false); // ms
    expect(UnixTime.safeParse(-1).success).toBe(false);
    expect(UnixTime.safeParse('1760000000').success).toBe(false);
  });
});

describe('Metadata', () => {
  it('accepts exactly 16 keys of 64 chars with 512-char values', () => {
    const m = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`${i}`.padEnd(64, 'k'), 'v'.repeat(512)]));
    expect(Metadata.safeParse(m).success).toBe(true);
  });
});

describe('list queries', () => {
  it('coerces limit from query strings and enforces 1-100', () => {
    expect(ListQuery.parse({ limit: '100', order: 'asc', after: 'run_1' })).toEqual({ limit: 100, order: 'asc', after: 'run_1' });
    for (const limit of ['0', '101', '1.5', 'abc', '']) {
      const r = ListQuery.safeParse({ limit });
      expect(r.success, limit).toBe(false);
      expect(r.error && formatZodIssues(r.error).param).toBe('limit');
    }
  });

  it('rejects bad order and cursors that are not ids', () => {
    expect(formatZodIssues(ListQuery.safeParse({ order: 'up' }).error!).message).toBe(`Invalid 'order': must be one of "asc", "desc".`);
    expect(ListQuery.safeParse({ after: '../x' }).success).toBe(false);
  });

  it('ListMessagesQuery adds run_id', () => {
    expect(ListMessagesQuery.parse({ run_id: 'run_1', limit: '5' })).toEqual({ run_id: 'run_1', limit: 5 });
  });

  it('maps include[] and include to one array; only the file_search content value is allowed', () => {
    const q = searchParamsToQuery(new URLSearchParams(`limit=5&include[]=${encodeURIComponent(FILE_SEARCH_CONTENT_INCLUDE)}`));
    expect(q).toEqual({ limit: '5', include: [FILE_SEARCH_CONTENT_INCLUDE] });
    expect(IncludeQuery.safeParse(q).success).toBe(true);
    expect(IncludeQuery.safeParse(searchParamsToQuery(new URLSearchParams('include=foo'))).success).toBe(false);
  });
});

describe('formatZodIssues', () => {
  it('renders array paths like the API (brackets) and root errors without a param', () => {
    expect(issuePath(['tool_outputs', 0, 'output'])).toBe('tool_outputs[0].output');
    expect(formatZodIssues(z.strictObject({}).safeParse('x').error!)).toEqual({ message: 'Invalid request body: expected object.', param: null });
  });

  it('names the nested unknown key in param', () => {
    const r = z.strictObject({ a: z.strictObject({}) }).safeParse({ a: { b: 1 } });
    expect(formatZodIssues(r.error!)).toEqual({ message: 'Unrecognized request argument supplied: a.b', param: 'a.b' });
  });

  it('copes with an empty issue list', () => {
    expect(formatZodIssues({ issues: [] })).toEqual({ message: 'Invalid request.', param: null });
  });
});
