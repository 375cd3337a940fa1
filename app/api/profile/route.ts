import { getProfileRoute, updateProfileRoute } from '@/lib/server/people/profile';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = getProfileRoute;
export const POST = updateProfileRoute;
