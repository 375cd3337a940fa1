import { changePasswordRoute } from '@/lib/server/people/profile';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = changePasswordRoute;
