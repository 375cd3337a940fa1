import 'server-only';
import { createNote, deleteNote, editNote, getNote, listNotes } from '@/lib/store/inbox';
import { eventBus } from '@/lib/watch/events';
import type { Caller } from '../access';
import { errorResponse, NO_STORE } from '../api-error';
import { recordSecurityEvent } from '../audit';
import { NOTE_EDIT_WINDOW_MS, noteDto } from './compute';
import { badId, failure, readJsonBody, routeContext } from './shared';

// Notes on a run or a thread: plain text (1–4000 characters; rendered as text, never as HTML), with author and time.
// The author may edit for 10 minutes; admins may delete. Every change is audited before it is made.

const MAX_BODY = 4000;

function checkBody(body: unknown): string | Response {
  if (typeof body !== 'string') return errorResponse(400, "'body' is required: the note's text.", { param: 'body' });
  const text = body.trim();
  if (text.length < 1 || text.length > MAX_BODY) return errorResponse(400, `'body' must be 1-${MAX_BODY} characters (got ${text.length}).`, { param: 'body' });
  return text;
}

export async function handleListNotes(request: Request): Promise<Response> {
  const p = new URL(request.url).searchParams;
  const threadId = p.get('thread_id');
  const invalid = badId('thread_id', threadId);
  if (invalid) return invalid;
  const runId = p.get('run_id');
  if (runId !== null) {
    const badRun = badId('run_id', runId);
    if (badRun) return badRun;
  }
  try {
    const { connection, db } = await routeContext();
    const notes = await listNotes(db, connection.id, threadId as string, runId);
    return Response.json({ object: 'list', data: notes.map(noteDto) }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'notes');
  }
}

export async function handleCreateNote(request: Request, caller: Caller): Promise<Response> {
  const parsed = await readJsonBody(request);
  if (!parsed.ok) return parsed.response;
  const value = (parsed.value ?? {}) as { thread_id?: unknown; run_id?: unknown; body?: unknown };
  const invalid = badId('thread_id', value.thread_id);
  if (invalid) return invalid;
  if (value.run_id !== undefined && value.run_id !== null) {
    const badRun = badId('run_id', value.run_id);
    if (badRun) return badRun;
  }
  const body = checkBody(value.body);
  if (body instanceof Response) return body;
  try {
    const { connection, db } = await routeContext();
    const threadId = value.thread_id as string;
    const runId = (value.run_id as string | undefined) ?? null;
    await recordSecurityEvent({ action: 'note.created', actor: caller, outcome: 'success', connectionId: connection.id, threadId, runId, detail: { characters: body.length } });
    const note = await createNote(db, { connectionId: connection.id, threadId, runId, body, authorId: caller.id, authorName: caller.name });
    if (runId) eventBus().inboxChanged([{ run_id: runId, thread_id: threadId }]);
    return Response.json({ note: noteDto(note) }, { status: 201, headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'note-create');
  }
}

export async function handleEditNote(request: Request, caller: Caller, noteId: string): Promise<Response> {
  const invalid = badId('note_id', noteId);
  if (invalid) return invalid;
  const parsed = await readJsonBody(request);
  if (!parsed.ok) return parsed.response;
  const body = checkBody((parsed.value as { body?: unknown } | undefined)?.body);
  if (body instanceof Response) return body;
  try {
    const { connection, db } = await routeContext();
    const note = await getNote(db, connection.id, noteId);
    if (!note) return errorResponse(404, `No note found with id '${noteId}'.`, { code: 'not_found' });
    if (note.authorId !== caller.id) return errorResponse(403, 'Only the author can edit a note.', { code: 'forbidden' });
    if (Date.now() > note.createdAtMs + NOTE_EDIT_WINDOW_MS) return errorResponse(403, 'Notes can be edited for 10 minutes after they are written; add a new note instead.', { code: 'edit_window_closed' });
    await recordSecurityEvent({ action: 'note.edited', actor: caller, outcome: 'success', connectionId: connection.id, threadId: note.threadId, runId: note.runId, detail: { note_id: noteId, characters: body.length } });
    await editNote(db, connection.id, noteId, body);
    if (note.runId) eventBus().inboxChanged([{ run_id: note.runId, thread_id: note.threadId }]);
    return Response.json({ note: noteDto({ ...note, body, editedAtMs: Date.now() }) }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'note-edit');
  }
}

export async function handleDeleteNote(_request: Request, caller: Caller, noteId: string): Promise<Response> {
  const invalid = badId('note_id', noteId);
  if (invalid) return invalid;
  try {
    const { connection, db } = await routeContext();
    const note = await getNote(db, connection.id, noteId);
    if (!note) return errorResponse(404, `No note found with id '${noteId}'.`, { code: 'not_found' });
    await recordSecurityEvent({ action: 'note.deleted', actor: caller, outcome: 'success', connectionId: connection.id, threadId: note.threadId, runId: note.runId, detail: { note_id: noteId, author: note.authorName } });
    await deleteNote(db, connection.id, noteId);
    if (note.runId) eventBus().inboxChanged([{ run_id: note.runId, thread_id: note.threadId }]);
    return new Response(null, { status: 204, headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'note-delete');
  }
}
