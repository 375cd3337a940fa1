'use client';

import { useState } from 'react';
import { useRegisterThreads } from '@/lib/queries/thread-index';
import { EMPTY_TOTALS, addAnswer, splitCsv, type IndexTotals } from '@/lib/view/index-csv';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';

/**
 * Paste or upload a CSV of thread ids (optional customer reference and `;`-separated labels). Sent in parts of
 * 1,000 rows with progress; the answer says how many were new, already known, and which were refused and why.
 */
export function ThreadIndexImport() {
  const register = useRegisterThreads();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [totals, setTotals] = useState<IndexTotals | null>(null);
  const busy = progress !== null && progress.done < progress.total && !error;

  async function send() {
    const parts = splitCsv(text);
    if (parts.length === 0) return setError('Paste thread ids, one per line, or choose a CSV file.');
    setError(null);
    setTotals(null);
    let sum = EMPTY_TOTALS;
    setProgress({ done: 0, total: parts.length });
    for (const [i, part] of parts.entries()) {
      try {
        sum = addAnswer(sum, await register.mutateAsync({ csv: part.text }), part);
      } catch (e) {
        setError(`Part ${i + 1} of ${parts.length} failed: ${(e as Error).message}`);
        setTotals(sum);
        return;
      }
      setProgress({ done: i + 1, total: parts.length });
      setTotals(sum);
    }
  }

  return (
    <div className="flex flex-col gap-4" data-testid="index-import">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field
          id="index-csv"
          label="Thread ids (CSV)"
          hint="One thread per line: id, then optionally a customer reference and labels separated by ;. A header row id,customer_ref,labels is optional."
          error={error}
        >
          <Textarea
            id="index-csv"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            placeholder={'id,customer_ref,labels\nthread_abc123,CUST-42,vip;eu'}
            aria-invalid={error ? true : undefined}
            aria-describedby={`index-csv-hint${error ? ' index-csv-error' : ''}`}
            data-testid="index-csv"
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm">
            <span className="mr-2">Or upload a file</span>
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="index-file"
              className="text-sm file:mr-2 file:rounded-md file:border file:border-border file:bg-surface file:px-2 file:py-1 file:text-foreground"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </label>
          <Button type="submit" variant="primary" busy={busy} data-testid="index-submit">
            Add to the index
          </Button>
          {progress && progress.total > 1 ? (
            <output className="text-sm text-muted">
              Part {progress.done} of {progress.total} sent
            </output>
          ) : null}
        </div>
      </form>
      {totals ? <ImportResult totals={totals} /> : null}
    </div>
  );
}

function ImportResult({ totals }: { totals: IndexTotals }) {
  return (
    <div className="flex flex-col gap-2" data-testid="index-result">
      <output className="block text-sm">
        <strong data-testid="index-new">{totals.new}</strong> new, <strong data-testid="index-known">{totals.known}</strong> already known,{' '}
        <strong data-testid="index-refused-count">{totals.refused.length}</strong> refused.
      </output>
      {totals.refused.length ? (
        <table className="w-full text-left text-sm" data-testid="index-refused">
          <caption className="sr-only">Refused rows</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Row</th>
              <th scope="col" className="py-1 pr-3 font-medium">Id</th>
              <th scope="col" className="py-1 font-medium">Why</th>
            </tr>
          </thead>
          <tbody>
            {totals.refused.slice(0, 200).map((r) => (
              <tr key={`${r.index}-${r.id}`} className="border-t border-border">
                <td className="py-1 pr-3 tabular-nums">{r.index + 1}</td>
                <td className="py-1 pr-3 font-mono break-all">{r.id ?? '—'}</td>
                <td className="py-1">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {totals.refused.length > 200 ? <p className="text-xs text-muted">First 200 of {totals.refused.length} refused rows shown.</p> : null}
    </div>
  );
}
