import { handleLookup } from '@/lib/server/lookup';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/lookup?run_id=… — the thread a run belongs to. */
export const GET = (request: Request) => handleLookup(request);
