'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { isApiRequestError } from '@/lib/queries/api-error';
import { lookupRun, type LookupProgress } from '@/lib/queries/lookup';
import { resolveSearch } from '@/lib/view/thread-search';
import { runHref, threadHref } from '@/lib/view/hrefs';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/field';

/**
 * One box for whatever the ticket holds: a thread id, a run id, a Runboard/platform URL, a log line or JSON.
 * Thread ids open the thread; run ids open the run (looking up the thread among threads Runboard has seen).
 */
// What was searched last in this tab, so "Back to search" (and the browser's Back) finds it still typed.
const LAST_SEARCH_KEY = 'runboard.search.last';
const noSubscribe = () => () => undefined;
function readLastSearch(): string {
  try {
    return window.sessionStorage.getItem(LAST_SEARCH_KEY) ?? '';
  } catch {
    return '';
  }
}

export function ThreadSearchBox({ onTextChange }: { onTextChange?: (text: string) => void } = {}) {
  const router = useRouter();
  // null until the user types: the box then shows the tab's last search (read after hydration, none on the server).
  const [typed, setText] = useState<string | null>(null);
  const last = useSyncExternalStore(noSubscribe, readLastSearch, () => '');
  const text = typed ?? last;
  const [problem, setProblem] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<LookupProgress | null>(null);

  async function onSubmit(event: FormEvent | null, value = text) {
    event?.preventDefault();
    setProblem(null);
    setSuggestion(null);
    setLookupError(null);
    setNote(null);
    try {
      window.sessionStorage.setItem(LAST_SEARCH_KEY, value);
    } catch {
      // Storage disabled: the box just starts empty next time.
    }
    const { target, others } = resolveSearch(value);
    if (others > 0) setNote(`Found ${others} more id${others === 1 ? '' : 's'} in the text; opening the first.`);
    switch (target.kind) {
      case 'none':
        setProblem(target.reason);
        setSuggestion(target.suggestion ?? null);
        return;
      case 'thread':
        router.push(threadHref(target.threadId));
        return;
      case 'run':
        router.push(runHref(target.threadId, target.runId));
        return;
      case 'run-lookup':
        setBusy(true);
        setProgress(null);
        try {
          const found = await lookupRun(target.runId, undefined, setProgress);
          router.push(runHref(found.thread_id, found.run_id));
        } catch (error) {
          setLookupError(error);
          setBusy(false);
          setProgress(null);
        }
        return;
    }
  }

  return (
    <search aria-label="Open a thread or run">
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <label htmlFor="search" className="text-sm font-medium">
        Thread id, run id, URL or pasted JSON
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="search"
          name="q"
          value={text}
          onChange={(e) => (setText(e.target.value), onTextChange?.(e.target.value))}
          placeholder="thread_abc123…  ·  run_…  ·  https://…/threads/thread_…  ·  {&quot;thread_id&quot;: …}"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'search-error' : 'search-hint'}
          className="font-mono"
        />
        <Button type="submit" variant="primary" busy={busy} className="sm:w-28">
          Open
        </Button>
      </div>
      <p id="search-hint" className="text-xs text-muted">
        Ids of any format work. A run id alone is found among the threads Runboard has seen (the API cannot look up a run without its thread).
      </p>
      {problem ? (
        <p id="search-error" role="alert" data-testid="search-error" className="text-sm font-medium text-danger">
          {problem}
        </p>
      ) : null}
      {suggestion ? (
        <div>
          <Button
            size="sm"
            data-testid="search-suggestion"
            onClick={() => {
              setText(suggestion);
              void onSubmit(null, suggestion);
            }}
          >
            Open <span className="max-w-[16rem] truncate font-mono text-xs sm:max-w-md">{suggestion}</span>
          </Button>
        </div>
      ) : null}
      {note ? <p className="text-xs text-muted">{note}</p> : null}
      {busy && progress ? (
        <output className="block text-sm" data-testid="lookup-progress">
          Looking for the run: read {progress.runs_scanned.toLocaleString('en-US')} runs, {progress.threads_done} of {progress.threads_total} threads done…
        </output>
      ) : null}
      {lookupError ? (
        <ErrorState
          error={lookupError}
          title={isApiRequestError(lookupError) && lookupError.code === 'run_not_seen_scan_incomplete' ? 'Run not found: the search was incomplete' : 'Run not found'}
          compact
        />
      ) : null}
    </form>
    </search>
  );
}
