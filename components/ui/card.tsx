import type { ReactNode } from 'react';
import { cn } from './cn';

/** A bordered panel; a title makes it a labelled region (landmark for screen readers). */
export function Card({
  title,
  actions,
  className,
  bodyClassName,
  children,
  id,
  testId,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
  id?: string;
  testId?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={title && headingId ? headingId : undefined}
      data-testid={testId}
      className={cn('min-w-0 rounded-lg border border-border bg-surface shadow-sm', className)}
    >
      {title || actions ? (
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-2.5">
          {title ? (
            <h2 id={headingId} className="min-w-0 text-sm font-semibold wrap-anywhere">
              {title}
            </h2>
          ) : (
            <span />
          )}
          {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className={cn('p-4', bodyClassName)}>{children}</div>
    </section>
  );
}

/** Definition list of facts ("Created", "Model"...), two columns on wide screens, stacked on phones. */
export function Facts({ items, className }: { items: Array<{ label: string; value: ReactNode }>; className?: string }) {
  return (
    <dl className={cn('grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(0,max-content)_minmax(0,1fr)]', className)}>
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-muted">{item.label}</dt>
          <dd className="min-w-0 wrap-anywhere">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
