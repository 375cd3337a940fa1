'use client';

import { useState } from 'react';
import type { Note } from '@/lib/queries/inbox';
import { NOTE_MAX_CHARS, useDeleteNote, useEditNote } from '@/lib/queries/notes';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import { useNow } from '@/components/ui/use-now';

/**
 * One note: plain text (React escapes it; whitespace kept, never rendered as HTML or Markdown), author and time. The
 * author may edit while `editable_until` has not passed; admins may delete.
 */
export function NoteItem({ note }: { note: Note }) {
  const viewer = useViewer();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const edit = useEditNote(note.thread_id);
  const remove = useDeleteNote(note.thread_id);
  const editable = viewer?.id === note.author_id && now !== null && now / 1000 < note.editable_until;
  const inputId = `note-edit-${note.id}`;

  return (
    <li className="flex flex-col gap-1 border-b border-border py-2 last:border-b-0" data-testid="note">
      <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <span className="font-medium text-foreground" data-testid="note-author">
          {note.author_name}
        </span>
        <RelativeTime value={note.created_at} />
        {note.edited_at ? <span>(edited <RelativeTime value={note.edited_at} />)</span> : null}
        {note.run_id ? <span className="font-mono">on {note.run_id}</span> : null}
      </div>
      {editing ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) edit.mutate({ noteId: note.id, body: draft.trim() }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label htmlFor={inputId} className="sr-only">
            Edit note
          </label>
          <Textarea id={inputId} value={draft} maxLength={NOTE_MAX_CHARS} onChange={(e) => setDraft(e.target.value)} className="font-sans" />
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" busy={edit.isPending} disabled={!draft.trim()}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-sm break-words whitespace-pre-wrap" data-testid="note-body">
          {note.body}
        </p>
      )}
      {(editable && !editing) || can(viewer, 'admin') ? (
        <div className="flex gap-2">
          {editable && !editing ? (
            <Button size="sm" variant="ghost" onClick={() => (setDraft(note.body), setEditing(true))} data-testid="note-edit">
              Edit
            </Button>
          ) : null}
          {can(viewer, 'admin') ? (
            <Button size="sm" variant="ghost" busy={remove.isPending} onClick={() => remove.mutate({ noteId: note.id })} data-testid="note-delete">
              Delete
            </Button>
          ) : null}
        </div>
      ) : null}
      {edit.error || remove.error ? (
        <p role="alert" className="text-xs text-danger">
          {(edit.error ?? remove.error)!.message}
        </p>
      ) : null}
    </li>
  );
}
