import { listUsersRoute, createUserRoute } from '@/lib/server/people/admin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = listUsersRoute;
export const POST = createUserRoute;
