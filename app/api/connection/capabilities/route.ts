import { handleCapabilitiesGet, handleCapabilitiesProbe } from '@/lib/server/capabilities/handler';
import { withAccess } from '@/lib/server/route-access';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/connection/capabilities: what the upstream can do, probed once and learned from its answers (viewers and up). */
export const GET = withAccess('getCapabilities', 'viewer', () => handleCapabilitiesGet());

/** POST /api/connection/capabilities: probe again (harmless reads and a modify of a run id that cannot exist; viewers and up). */
export const POST = withAccess('probeCapabilities', 'viewer', (request) => handleCapabilitiesProbe(request));
