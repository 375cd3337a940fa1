import { describe, expect, it } from 'vitest';
import { describeUsage, formatTokens, formatTokensCompact } from './format-tokens';

describe('token formatting', () => {
  it('exact counts use separators; missing counts are a dash', () => {
    expect(formatTokens(12_345)).toBe('12,345');
    expect(formatTokens(0)).toBe('0');
    expect(formatTokens(null)).toBe('—');
  });
  it.each([
    [950, '950'],
    [1_000, '1k'],
    [12_345, '12.3k'],
    [123_456, '123k'],
    [2_500_000, '2.5M'],
  ])('compact %d → %s', (n, text) => {
    expect(formatTokensCompact(n)).toBe(text);
  });
  it('describes usage with the split, and a dash until the run is terminal', () => {
    expect(describeUsage({ prompt_tokens: 1_000, completion_tokens: 234, total_tokens: 1_234 })).toBe('1,234 (1,000 in / 234 out)');
    expect(describeUsage(null)).toBe('—');
    expect(describeUsage({ total_tokens: 5 })).toBe('5');
  });
});
