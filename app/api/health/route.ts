import { handleHealthRequest } from '@/lib/server/health';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/health: readiness (valid config, upstream connection available); no upstream call. */
export const GET = handleHealthRequest;
