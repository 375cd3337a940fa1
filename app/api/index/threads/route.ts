import { handleRegisterThreads } from '@/lib/server/index/registration';
import { handleSearchThreads } from '@/lib/server/index/search';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/index/threads — search the thread index (viewers and up). */
export const GET = withAccess('searchThreadIndex', 'viewer', handleSearchThreads);

/** POST /api/index/threads — register up to 1,000 threads (operators and up; session or API token). */
export const POST = withAccess('registerThreads', 'operator', handleRegisterThreads);
