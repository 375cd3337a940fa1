import { handleAuthRequest } from '@/lib/server/auth-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/auth/* — better-auth (session, OAuth callbacks) */
export const GET = handleAuthRequest;
/** POST /api/auth/* — better-auth (sign in, sign out, tokens, admin) */
export const POST = handleAuthRequest;
