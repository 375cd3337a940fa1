import { handleThreadClaims } from '@/lib/server/inbox/claim-read';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/threads/{thread_id}/claims — live claims on the thread's runs (viewers and up). */
export async function GET(request: Request, context: { params: Promise<{ threadId: string }> }): Promise<Response> {
  const { threadId } = await context.params;
  return withAccess('listThreadClaims', 'viewer', () => handleThreadClaims(threadId))(request);
}
