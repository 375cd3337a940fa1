import { handleInboxCount } from '@/lib/server/inbox/list';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/inbox/count — how many runs are stuck, and how many of those nobody claimed (viewers and up). */
export const GET = withAccess('countInbox', 'viewer', () => handleInboxCount());
