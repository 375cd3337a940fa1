import { listOwnTokensRoute, createOwnTokenRoute } from '@/lib/server/people/profile';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = listOwnTokensRoute;
export const POST = createOwnTokenRoute;
