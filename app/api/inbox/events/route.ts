import { handleInboxEvents } from '@/lib/server/inbox/events-stream';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/inbox/events — the inbox's Server-Sent Events stream, one per tab (viewers and up). */
export const GET = withAccess('inboxEvents', 'viewer', (request) => handleInboxEvents(request));
