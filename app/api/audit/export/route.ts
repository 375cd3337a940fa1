import { handleAuditExport } from '@/lib/server/audit-api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/audit/export?format=csv|jsonl — the filtered audit records, streamed as a download (admins). */
export const GET = (request: Request) => handleAuditExport(request);
