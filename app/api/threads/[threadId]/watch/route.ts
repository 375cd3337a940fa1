import { handleWatch } from '@/lib/server/inbox/claims';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ threadId: string }> };

/** PUT /api/threads/{thread_id}/watch — watch a thread (viewers and up). */
export async function PUT(request: Request, context: Context): Promise<Response> {
  const { threadId } = await context.params;
  return withAccess('watchThread', 'viewer', (req, caller) => handleWatch(req, caller, threadId))(request);
}

/** DELETE /api/threads/{thread_id}/watch — stop watching it. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { threadId } = await context.params;
  return withAccess('unwatchThread', 'viewer', (req, caller) => handleWatch(req, caller, threadId))(request);
}
