import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from './button';
import { cn } from './cn';

type Target = { href?: string; onClick?: () => void; disabled?: boolean };

function Control({ target, children, rel }: { target: Target; children: ReactNode; rel: 'prev' | 'next' }) {
  const cls = buttonClasses('secondary', 'sm');
  if (target.disabled || (!target.href && !target.onClick)) {
    return (
      <span aria-disabled="true" className={cn(cls, 'pointer-events-none opacity-50')}>
        {children}
      </span>
    );
  }
  if (target.href) {
    return (
      <Link href={target.href} rel={rel} scroll={false} className={cls}>
        {children}
      </Link>
    );
  }
  return (
    <button type="button" onClick={target.onClick} className={cls}>
      {children}
    </button>
  );
}

/**
 * Cursor pagination (the API has no page numbers or totals): newer/older (or first/prev/next) controls driven by
 * hrefs — so each page has a shareable URL — or by callbacks.
 */
export function CursorPagination({
  prev,
  next,
  first,
  summary,
  label = 'Pagination',
  prevLabel = '← Newer',
  nextLabel = 'Older →',
  className,
}: {
  prev: Target;
  next: Target;
  first?: Target;
  summary?: ReactNode;
  label?: string;
  prevLabel?: string;
  nextLabel?: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn('flex flex-wrap items-center justify-between gap-2', className)}>
      <div className="text-xs text-muted">{summary}</div>
      <div className="flex items-center gap-2">
        {first ? (
          <Control target={first} rel="prev">
            ⇤ First
          </Control>
        ) : null}
        <Control target={prev} rel="prev">
          {prevLabel}
        </Control>
        <Control target={next} rel="next">
          {nextLabel}
        </Control>
      </div>
    </nav>
  );
}
