import { describe, expect, it } from 'vitest';
import { filtersFromSearchParams, filtersToQueryString, isoToLocalInput, localInputToIso } from './audit-filters';

describe('audit page filters', () => {
  it('keeps known non-empty filters from the URL only', () => {
    expect(filtersFromSearchParams({ actor: ' olga@example.com ', action: 'run.cancel', outcome: '', junk: 'x', run_id: ['run_1', 'run_2'] })).toEqual({
      actor: 'olga@example.com',
      action: 'run.cancel',
      run_id: 'run_1',
    });
  });

  it('round-trips a local date-time input through the URL', () => {
    const iso = localInputToIso('2026-12-02T09:30');
    expect(iso).toMatch(/^2026-12-0[12]T\d\d:30:00\.000Z$/);
    expect(isoToLocalInput(iso)).toBe('2026-12-02T09:30');
    expect(localInputToIso('')).toBeUndefined();
    expect(isoToLocalInput('not a time')).toBe('');
  });

  it('writes filters in a stable order', () => {
    expect(filtersToQueryString({ to: '2026-12-02T00:00:00.000Z', actor: 'a b' })).toBe('actor=a+b&to=2026-12-02T00%3A00%3A00.000Z');
  });
});
