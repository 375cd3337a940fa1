import { handleCapabilitiesGet, handleCapabilitiesProbe } from '@/lib/server/capabilities/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/connection/capabilities: what the upstream can do, probed once and learned from its answers. */
export const GET = () => handleCapabilitiesGet();

/** POST /api/connection/capabilities: probe again. */
export const POST = (request: Request) => handleCapabilitiesProbe(request);
