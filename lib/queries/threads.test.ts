import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-error';
import { outageRefetchInterval } from './threads';

describe('outageRefetchInterval', () => {
  it('keeps polling through outages and stops on permanent errors', () => {
    const err = (status: number) => new ApiRequestError({ status, message: 'x' });
    expect(outageRefetchInterval(err(0))).toBe(10_000);
    expect(outageRefetchInterval(err(502))).toBe(10_000);
    expect(outageRefetchInterval(err(429))).toBe(10_000);
    expect(outageRefetchInterval(err(404))).toBe(false);
    expect(outageRefetchInterval(err(400))).toBe(false);
    expect(outageRefetchInterval(null)).toBe(false);
  });
});
