import { handleRunsSeen } from '@/lib/server/runs-seen';
import { withAccess } from '@/lib/server/route-access';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/threads/{thread_id}/runs-seen: runs Runboard has seen on the thread, newest first (viewers and up). */
export async function GET(request: Request, context: { params: Promise<{ threadId: string }> }): Promise<Response> {
  const { threadId } = await context.params;
  return withAccess('listRunsSeen', 'viewer', (req) => handleRunsSeen(req, threadId))(request);
}
