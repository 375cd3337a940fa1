import { handleRecentThreads } from '@/lib/server/recent-threads';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/threads/recent — threads seen through Runboard on the current connection. */
export const GET = (request: Request) => handleRecentThreads(request);
