import 'server-only';

// Seam called after every successful JSON answer the proxy passes back. No-op today; the dashboard engineer owns
// this file and will use it to remember threads seen through Runboard (the API cannot list threads).

export type ProxiedResponseContext = {
  connectionId: string;
  endpointId: string;
  params: Record<string, string>;
  status: number;
  body: unknown;
};

export function observeProxiedResponse(_ctx: ProxiedResponseContext): void {}
