'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { threadIndexQueryOptions } from '@/lib/queries/thread-index';
import { threadHref } from '@/lib/view/hrefs';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { ThreadSearchBox } from '@/components/threads/thread-search-box';

const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;

/**
 * Home's search: the box still opens an exact thread or run id on Enter; while typing, the team's thread index
 * (id prefix, title, customer reference) lists matches underneath.
 */
export function HomeSearch() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);
  return (
    <div className="flex flex-col gap-3">
      <ThreadSearchBox onTextChange={setText} />
      {q.length >= MIN_CHARS ? <IndexMatches q={q} /> : null}
    </div>
  );
}

function IndexMatches({ q }: { q: string }) {
  const r = useQuery(threadIndexQueryOptions({ q: q.slice(0, 200), limit: 8 }));
  if (r.isPending) return <p className="text-xs text-muted">Searching the index…</p>;
  if (r.error) return <p className="text-xs text-danger">Index search failed: {r.error.message}</p>;
  const rows = r.data.data;
  return (
    <div aria-live="polite" data-testid="index-matches">
      <p className="text-xs text-muted">
        {rows.length === 0 ? `No indexed thread matches “${q}”.` : `Indexed threads matching “${q}”${r.data.has_more ? ' (first 8)' : ''}:`}
      </p>
      {rows.length ? (
        <ul className="mt-1 divide-y divide-border rounded-md border border-border">
          {rows.map((t) => (
            <li key={t.thread_id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="index-match">
              <Link href={threadHref(t.thread_id)} className="min-w-0 flex-1 break-words text-accent hover:underline">
                {t.title ?? <span className="font-mono">{t.thread_id}</span>}
              </Link>
              {t.customer_ref ? <span className="text-xs text-muted">Customer {t.customer_ref}</span> : null}
              {t.gone_at ? <span className="text-xs text-muted">gone upstream</span> : t.latest_run?.status ? <RunStatusBadge status={t.latest_run.status} /> : null}
              <span className="w-full font-mono text-xs break-all text-muted">{t.thread_id}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
