import { handleLookup } from '@/lib/server/lookup';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/lookup?run_id=… — the thread a run belongs to (viewers and up). */
export const GET = withAccess('lookupRun', 'viewer', (request) => handleLookup(request));
