import { handleConnectionRequest } from '@/lib/server/connection-check';
import { withAccess } from '@/lib/server/route-access';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/connection: name, host, auth style, masked key and a live check of the upstream (viewers and up). */
export const GET = withAccess('getConnection', 'viewer', () => handleConnectionRequest());
