'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { RunStep } from '@/lib/contract';
import { StepRow } from './step-row';

/** Above this many steps the list is virtualised (only visible rows are in the DOM). */
export const VIRTUALIZE_OVER = 50;

export type StepListHandle = { scrollToStep: (id: string) => void };

/** The steps, oldest first, each expandable. Hundreds of steps stay fast via @tanstack/react-virtual. */
export function StepList({
  steps,
  threadId,
  runStart,
  expanded,
  onToggle,
  numberOf,
  ref,
}: {
  steps: readonly RunStep[];
  /** Each step's place in the whole run (0-based) when `steps` is a filtered part of it. */
  numberOf?: ReadonlyMap<string, number>;
  threadId: string;
  runStart: number;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  ref?: Ref<StepListHandle>;
}) {
  const virtual = steps.length > VIRTUALIZE_OVER;
  const scrollRef = useRef<HTMLElement>(null);
  // oxlint-disable-next-line react/incompatible-library -- TanStack Virtual's API is not memoisable; the app does not use the React Compiler
  const virtualizer = useVirtualizer({
    count: virtual ? steps.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 41,
    overscan: 10,
    // Before the list is measured (server HTML, hydration) it lays out the first rows of a 600 px window, so the first
    // HTML already shows the oldest steps and hydration renders the same rows.
    initialRect: { width: 0, height: 600 },
    getItemKey: (i) => steps[i]?.id ?? i,
  });

  useImperativeHandle(ref, () => ({
    scrollToStep: (id: string) => {
      const index = steps.findIndex((s) => s.id === id);
      if (index < 0) return;
      if (virtual) virtualizer.scrollToIndex(index, { align: 'start' });
      else document.getElementById(`step-btn-${id}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      // Move focus so keyboard users land on the step they picked in the chart.
      requestAnimationFrame(() => document.getElementById(`step-btn-${id}`)?.focus({ preventScroll: true }));
    },
  }));

  // Re-measure when expansion changes (row heights change).
  useEffect(() => {
    if (virtual) virtualizer.measure();
  }, [expanded, virtual, virtualizer]);

  if (!virtual) {
    return (
      <div className="rounded-md border border-border" data-testid="step-list" data-virtual="false">
        {steps.map((s, i) => (
          <StepRow key={s.id} step={s} index={numberOf?.get(s.id) ?? i} runStart={runStart} open={expanded.has(s.id)} onToggle={onToggle} threadId={threadId} />
        ))}
      </div>
    );
  }

  const items = virtualizer.getVirtualItems();
  return (
    <section
      ref={scrollRef}
      className="max-h-[70vh] overflow-auto rounded-md border border-border"
      data-testid="step-list"
      data-virtual="true"
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the scroll container must be reachable by keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
      aria-label={`Steps (${steps.length}); scroll to see more`}
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        <div className="absolute inset-x-0 top-0" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const s = steps[item.index];
            if (!s) return null;
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
                <StepRow step={s} index={numberOf?.get(s.id) ?? item.index} runStart={runStart} open={expanded.has(s.id)} onToggle={onToggle} threadId={threadId} />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
