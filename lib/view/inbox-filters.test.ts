import { describe, expect, it } from 'vitest';
import { inboxFiltersFromSearchParams, inboxFiltersToQueryString, inboxHref, isFiltered, withFilter } from './inbox-filters';

describe('inbox filters in the URL', () => {
  it('keeps only known values and well-formed ids', () => {
    expect(
      inboxFiltersFromSearchParams({ reason: 'ended_badly', status: 'bogus', claim: 'mine', assistant_id: 'asst_1', connection: 'a b<script>', junk: 'x' }),
    ).toEqual({ reason: 'ended_badly', claim: 'mine', assistant_id: 'asst_1' });
    expect(inboxFiltersFromSearchParams({ reason: ['queued_too_long', 'ended_badly'], status: ' requires_action ' })).toEqual({
      reason: 'queued_too_long',
      status: 'requires_action',
    });
  });

  it('round-trips through the query string in a stable order', () => {
    const filters = { claim: 'unclaimed', reason: 'cancelling_too_long', cursor: 'abc' } as const;
    const qs = inboxFiltersToQueryString(filters);
    expect(qs).toBe('reason=cancelling_too_long&claim=unclaimed&cursor=abc');
    expect(inboxFiltersFromSearchParams(Object.fromEntries(new URLSearchParams(qs)))).toEqual(filters);
    expect(inboxHref({})).toBe('/inbox');
  });

  it('changing a filter drops the cursor; clearing one removes it', () => {
    expect(withFilter({ reason: 'ended_badly', cursor: 'c1' }, 'claim', 'mine')).toEqual({ reason: 'ended_badly', claim: 'mine' });
    expect(withFilter({ reason: 'ended_badly', claim: 'mine' }, 'reason', undefined)).toEqual({ claim: 'mine' });
    expect(isFiltered({ cursor: 'c' })).toBe(false);
    expect(isFiltered({ status: 'queued' })).toBe(true);
  });
});
