'use client';

import { memo } from 'react';
import { RelativeTime } from '@/components/ui/relative-time';

/**
 * RelativeTime that re-renders only when its value changes. The run page re-renders often (polling, 1 s clock) and
 * absolute-time formatting builds Intl.DateTimeFormat objects, which dominated the render of long runs.
 */
export const Time = memo(RelativeTime);
