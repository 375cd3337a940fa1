import { handleRegisterCsv } from '@/lib/server/index/registration';
import { withAccess } from '@/lib/server/route-access';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/index/threads/csv — register threads from a CSV of ids (admins). */
export const POST = withAccess('registerThreadsCsv', 'admin', handleRegisterCsv);
