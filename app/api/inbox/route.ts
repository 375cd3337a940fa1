import { handleInbox } from '@/lib/server/inbox/list';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/inbox — stuck and ended-badly runs across the index, longest stuck first (viewers and up). */
export const GET = withAccess('listInbox', 'viewer', handleInbox);
