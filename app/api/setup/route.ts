import { handleSetupRequest } from '@/lib/server/auth-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/setup — create the first admin with the one-time link printed at start. */
export const POST = handleSetupRequest;
