import { readInviteRoute, acceptInviteRoute } from '@/lib/server/people/invites';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = readInviteRoute;
export const POST = acceptInviteRoute;
