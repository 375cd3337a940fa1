import { reactivateRoute } from '@/lib/server/people/admin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = reactivateRoute;
