import { handleAuditList } from '@/lib/server/audit-api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/audit — audit records, filtered, newest first, cursor-paginated (admins all; operators their own). */
export const GET = (request: Request) => handleAuditList(request);
