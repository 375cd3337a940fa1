import type { FileSearchToolCall } from '@/lib/contract';

/** File search: ranking options and each result's file, score and (via include[]) retrieved content. */
export function FileSearchView({ call }: { call: FileSearchToolCall }) {
  const fs = call.file_search ?? {};
  const results = fs.results ?? [];
  const ranking = fs.ranking_options;
  return (
    <div className="flex flex-col gap-2" data-testid="file-search-call">
      {ranking ? (
        <p className="text-xs text-muted">
          Ranker <span className="font-mono">{ranking.ranker ?? 'default'}</span>
          {ranking.score_threshold != null ? <> · score threshold {ranking.score_threshold}</> : null}
        </p>
      ) : null}
      {results.length === 0 ? (
        <p className="text-sm text-muted">No results reported.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {results.map((r, i) => {
            const text = (r.content ?? []).map((c) => c.text ?? '').filter(Boolean).join('\n\n');
            return (
              <li key={`${r.file_id}-${i}`} className="rounded-md border border-border p-2.5" data-testid="file-search-result">
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium break-all">{r.file_name ?? r.file_id}</span>
                  {r.score != null ? (
                    <span className="inline-flex items-center gap-1.5 text-xs text-muted tabular-nums">
                      score {r.score.toFixed(3)}
                      <span aria-hidden className="inline-block h-1.5 w-16 overflow-hidden rounded bg-surface-muted">
                        <span className="block h-full bg-accent" style={{ width: `${Math.min(100, Math.max(0, r.score * 100))}%` }} />
                      </span>
                    </span>
                  ) : null}
                </div>
                {r.file_name ? <p className="font-mono text-xs text-muted">{r.file_id}</p> : null}
                {text ? (
                  <>
                  {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
                  <blockquote tabIndex={0} className="mt-1.5 max-h-48 overflow-auto border-l-2 border-border pl-2 text-sm whitespace-pre-wrap">{text}</blockquote>
                  </>
                ) : (
                  <p className="mt-1 text-xs text-muted">Content not returned by the server.</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
