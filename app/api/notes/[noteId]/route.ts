import { handleDeleteNote, handleEditNote } from '@/lib/server/inbox/notes';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ noteId: string }> };

/** PATCH /api/notes/{note_id} — the author edits their note within 10 minutes. */
export async function PATCH(request: Request, context: Context): Promise<Response> {
  const { noteId } = await context.params;
  return withAccess('editNote', 'operator', (req, caller) => handleEditNote(req, caller, noteId))(request);
}

/** DELETE /api/notes/{note_id} — admins delete a note. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { noteId } = await context.params;
  return withAccess('deleteNote', 'admin', (req, caller) => handleDeleteNote(req, caller, noteId))(request);
}
