'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server HTML and while React hydrates it, true from then on. Pages now paint their data before their
 * scripts run; a control that only works through script (a select that navigates on change) stays disabled until
 * then, so an early choice is not silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
