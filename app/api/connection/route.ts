import { handleConnectionRequest } from '@/lib/server/connection-check';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/connection: name, host, auth style, masked key and a live check of the upstream. */
export const GET = handleConnectionRequest;
