'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { queryKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';
import type { Viewer } from '@/lib/view/roles';

/** `viewer` comes from the server render, so the header and role-aware controls are right from the first paint. */
export function Providers({ children, viewer }: { children: ReactNode; viewer: Viewer | null }) {
  const queryClient = getQueryClient();
  useState(() => {
    if (viewer) queryClient.setQueryData(queryKeys.viewer(), viewer);
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
