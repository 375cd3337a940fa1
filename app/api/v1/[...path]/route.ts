import { handleProxyRequest } from '@/lib/server/proxy/handler';

// The Assistants proxy: /api/v1/<upstream path>, same shape as the upstream so the openai SDK can use
// baseURL http://<runboard>/api/v1. All logic lives in lib/server/proxy; every method goes through the same handler
// so that refused methods get the API's error envelope (405 with Allow) instead of Next's empty 405.

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// Streams of long runs may stay open for minutes.
export const maxDuration = 900;

/** GET /api/v1/... (allow-listed reads) */
export const GET = handleProxyRequest;
/** POST /api/v1/... (allow-listed run mutations, JSON or SSE) */
export const POST = handleProxyRequest;
/** Everything else is refused with 404/405 in the API's error envelope. */
export const PUT = handleProxyRequest;
export const PATCH = handleProxyRequest;
export const DELETE = handleProxyRequest;
export const OPTIONS = handleProxyRequest;
export const HEAD = handleProxyRequest;
