import 'server-only';
import type { Role } from '@/lib/view/roles';
import { guardRoute, type Caller } from './access';

// Wraps a Runboard API route handler so it never runs without an identity holding at least `needs`
// (401 / 403 in the API's error envelope otherwise). Route shims export the wrapped handler.

type Handler = (request: Request, caller: Caller) => Promise<Response> | Response;

export function withAccess(id: string, needs: Role, handler: Handler): (request: Request) => Promise<Response> {
  return async (request) => {
    const { caller, refused } = await guardRoute(request, { id, method: request.method, mutation: false, needs });
    return refused ?? handler(request, caller!);
  };
}
