'use client';

import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { RunStep } from '@/lib/contract';
import { StepRow } from './step-row';

/** Longer lists scroll in their own box and are drawn a window at a time. */
export const WINDOWED_OVER = 50;
/**
 * Steps drawn at first (enough to fill the box), and added each time the end of the list comes near. A long run costs
 * only the rows someone scrolls to, without a virtualisation library on every run page (it was 10 KB of its JS).
 */
export const STEP_WINDOW = 25;

export type StepListHandle = { scrollToStep: (id: string) => void };

/** The steps, oldest first, each expandable; past WINDOWED_OVER the list scrolls in its own box and grows as it does. */
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
  const windowed = steps.length > WINDOWED_OVER;
  const [drawn, setDrawn] = useState(STEP_WINDOW);
  const count = windowed ? Math.min(drawn, steps.length) : steps.length;
  // A step picked in the chart (or a shared link) that was not drawn yet: scrolled to once its row exists.
  const pendingStepRef = useRef<string | null>(null);

  useImperativeHandle(ref, () => ({
    scrollToStep: (id: string) => {
      const index = steps.findIndex((s) => s.id === id);
      if (index < 0) return;
      if (index < count) {
        scrollToRow(id);
        return;
      }
      pendingStepRef.current = id;
      setDrawn(Math.ceil((index + 1) / STEP_WINDOW) * STEP_WINDOW);
    },
  }));

  useEffect(() => {
    const id = pendingStepRef.current;
    if (id && steps.slice(0, count).some((s) => s.id === id)) {
      pendingStepRef.current = null;
      scrollToRow(id);
    }
  }, [count, steps]);

  // The "more" button is remounted (keyed by the count) after each growth, so a list still short of its box's end
  // keeps growing until it is not.
  const observeMore = useCallback((more: HTMLButtonElement | null) => {
    const root = more?.parentElement;
    if (!more || !root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setDrawn((n) => n + STEP_WINDOW);
      },
      { root, rootMargin: '0px 0px 300px 0px' },
    );
    observer.observe(more);
    return () => observer.disconnect();
  }, []);

  const rows = steps.slice(0, count).map((s, i) => (
    <StepRow key={s.id} step={s} index={numberOf?.get(s.id) ?? i} runStart={runStart} open={expanded.has(s.id)} onToggle={onToggle} threadId={threadId} />
  ));
  if (!windowed) {
    return (
      <div className="rounded-md border border-border" data-testid="step-list" data-windowed="false">
        {rows}
      </div>
    );
  }
  const left = steps.length - count;
  return (
    <section
      className="max-h-[70vh] overflow-auto rounded-md border border-border"
      data-testid="step-list"
      data-windowed="true"
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the scroll container must be reachable by keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
      aria-label={`Steps (${steps.length}); scroll to see more`}
    >
      {rows}
      {left > 0 ? (
        <button
          key={count}
          ref={observeMore}
          type="button"
          data-testid="step-list-more"
          onClick={() => setDrawn(count + STEP_WINDOW)}
          className="w-full px-3 py-2 text-left text-xs text-accent hover:underline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        >
          Show {Math.min(left, STEP_WINDOW)} more ({left} not shown yet)
        </button>
      ) : null}
    </section>
  );
}

function scrollToRow(id: string) {
  document.getElementById(`step-btn-${id}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  // Move focus so keyboard users land on the step they picked in the chart.
  requestAnimationFrame(() => document.getElementById(`step-btn-${id}`)?.focus({ preventScroll: true }));
}
