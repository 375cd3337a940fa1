import { revokeUserSessionsRoute } from '@/lib/server/people/admin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const DELETE = revokeUserSessionsRoute;
