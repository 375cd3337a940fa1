import { handleCreateNote, handleListNotes } from '@/lib/server/inbox/notes';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/notes?thread_id=…[&run_id=…] — notes, newest first (viewers and up). */
export const GET = withAccess('listNotes', 'viewer', (request) => handleListNotes(request));

/** POST /api/notes — add a note to a thread or a run (operators and up). */
export const POST = withAccess('createNote', 'operator', handleCreateNote);
