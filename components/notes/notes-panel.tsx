'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { NOTE_MAX_CHARS, notesQueryOptions, useAddNote } from '@/lib/queries/notes';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Field, Textarea } from '@/components/ui/field';
import { SkeletonRows } from '@/components/ui/spinner';
import { RoleGate } from '@/components/layout/role-gate';
import { NoteItem } from './note-item';

const SHOWN = 5;

/** Notes on a thread (all of them) or on one run, newest first, with a form for operators and up. */
export function NotesPanel({ threadId, runId }: { threadId: string; runId?: string }) {
  const q = useQuery(notesQueryOptions(threadId, runId));
  const add = useAddNote(threadId, runId);
  const [draft, setDraft] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notes = q.data ?? [];
  const shown = showAll ? notes : notes.slice(0, SHOWN);
  const inputId = runId ? `note-new-${runId}` : `note-new-${threadId}`;

  return (
    <div className="flex flex-col gap-3" data-testid="notes-panel">
      {q.isPending ? (
        <SkeletonRows rows={2} label="notes" />
      ) : q.error ? (
        <ErrorState error={q.error} title="Could not load the notes" onRetry={() => q.refetch()} retrying={q.isFetching} />
      ) : notes.length === 0 ? (
        <EmptyState title="No notes yet" description={`Notes are plain text the whole team sees on this ${runId ? 'run' : 'thread'} and in the inbox.`} testId="notes-empty" />
      ) : (
        <ul className="flex flex-col" aria-label="Notes">
          {shown.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
      )}
      {notes.length > SHOWN ? (
        <Button size="sm" variant="ghost" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer' : `Show all ${notes.length} notes`}
        </Button>
      ) : null}
      <RoleGate ability="operate" action="add notes">
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const body = draft.trim();
            if (!body) return setError('Write something first.');
            if (body.length > NOTE_MAX_CHARS) return setError(`At most ${NOTE_MAX_CHARS} characters.`);
            setError(null);
            add.mutate({ body }, { onSuccess: () => setDraft('') });
          }}
        >
          <Field id={inputId} label="Add a note" error={error ?? add.error?.message ?? null} hint="Plain text. You can edit it for 10 minutes.">
            <Textarea
              id={inputId}
              value={draft}
              maxLength={NOTE_MAX_CHARS}
              onChange={(e) => setDraft(e.target.value)}
              className="font-sans"
              aria-invalid={error || add.error ? true : undefined}
              aria-describedby={`${inputId}-hint${error || add.error ? ` ${inputId}-error` : ''}`}
              data-testid="note-input"
            />
          </Field>
          <div>
            <Button type="submit" size="sm" variant="primary" busy={add.isPending} data-testid="note-submit">
              Add note
            </Button>
          </div>
        </form>
      </RoleGate>
    </div>
  );
}
