import { handleMeRequest } from '@/lib/server/auth-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/me — the signed-in user (or token) and role; 401 without identity. */
export const GET = handleMeRequest;
