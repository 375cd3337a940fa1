import { handleRunsSeen } from '@/lib/server/runs-seen';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/threads/{thread_id}/runs-seen: runs Runboard has seen on the thread, newest first. */
export async function GET(request: Request, context: { params: Promise<{ threadId: string }> }): Promise<Response> {
  const { threadId } = await context.params;
  return handleRunsSeen(request, threadId);
}
