import { listOwnSessionsRoute, signOutEverywhereRoute } from '@/lib/server/people/profile';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = listOwnSessionsRoute;
export const DELETE = signOutEverywhereRoute;
