import { handleGetClaim } from '@/lib/server/inbox/claim-read';
import { handleClaim, handleRelease } from '@/lib/server/inbox/claims';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ runId: string }> };

/** GET /api/runs/{run_id}/claim — who is on it, or null (viewers and up). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { runId } = await context.params;
  return withAccess('getRunClaim', 'viewer', () => handleGetClaim(runId))(request);
}

/** PUT /api/runs/{run_id}/claim — "I'm on it" (operators and up). */
export async function PUT(request: Request, context: Context): Promise<Response> {
  const { runId } = await context.params;
  return withAccess('claimRun', 'operator', (req, caller) => handleClaim(req, caller, runId))(request);
}

/** DELETE /api/runs/{run_id}/claim — release it (its holder, or an admin). */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { runId } = await context.params;
  return withAccess('releaseRun', 'operator', (req, caller) => handleRelease(req, caller, runId))(request);
}
