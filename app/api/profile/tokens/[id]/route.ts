import { revokeOwnTokenRoute } from '@/lib/server/people/profile';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const DELETE = revokeOwnTokenRoute;
