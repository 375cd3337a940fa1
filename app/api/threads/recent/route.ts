import { handleRecentThreads } from '@/lib/server/recent-threads';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/threads/recent — threads seen through Runboard on the current connection (viewers and up). */
export const GET = withAccess('listRecentThreads', 'viewer', (request) => handleRecentThreads(request));
