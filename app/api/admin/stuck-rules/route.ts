import { handleGetStuckRules, handlePutStuckRules } from '@/lib/server/inbox/stuck-rules-api';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/admin/stuck-rules — the rules that decide when a run is stuck (viewers and up). */
export const GET = withAccess('getStuckRules', 'viewer', () => handleGetStuckRules());

/** PUT /api/admin/stuck-rules — change them (admins; audited setting.changed). */
export const PUT = withAccess('putStuckRules', 'admin', handlePutStuckRules);
