import { handleAuditHistory } from '@/lib/server/audit-api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/audit/history?thread_id=…[&run_id=…] — what was done to a thread or run, for its page. */
export const GET = (request: Request) => handleAuditHistory(request);
