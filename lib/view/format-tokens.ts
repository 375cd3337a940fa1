// Token counts: exact with thousands separators in tables (support compares numbers), compact where space is short.

const exact = new Intl.NumberFormat('en-US');

/** 12345 → "12,345". null/undefined → "—". */
export function formatTokens(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) return '—';
  return exact.format(count);
}

/** 950 → "950"; 12_345 → "12.3k"; 2_500_000 → "2.5M". */
export function formatTokensCompact(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) return '—';
  const abs = Math.abs(count);
  if (abs < 1_000) return String(count);
  if (abs < 1_000_000) return `${trim(count / 1_000)}k`;
  return `${trim(count / 1_000_000)}M`;
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
}

type UsageLike = { prompt_tokens?: number | null; completion_tokens?: number | null; total_tokens?: number | null } | null | undefined;

/** "1,234 (1,000 in / 234 out)" for a tooltip; "—" while usage is null (runs fill it only when terminal). */
export function describeUsage(usage: UsageLike): string {
  if (!usage || usage.total_tokens == null) return '—';
  const inOut =
    usage.prompt_tokens != null && usage.completion_tokens != null
      ? ` (${formatTokens(usage.prompt_tokens)} in / ${formatTokens(usage.completion_tokens)} out)`
      : '';
  return `${formatTokens(usage.total_tokens)}${inOut}`;
}
