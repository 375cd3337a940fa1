import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/** aria wiring for a control inside <Field id=...>: points at the hint and the inline error. */
export function fieldAria(id: string, opts: { error?: string | null; hint?: boolean }) {
  const describedBy = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { id, 'aria-invalid': opts.error ? true : undefined, 'aria-describedby': describedBy || undefined } as const;
}

/** Label + control + hint + inline error. The error text has a stable test id: `field-error-<id>`. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
  optional,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
  optional?: boolean;
}) {
  return (
    <div className={cn('flex min-w-0 flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {optional ? <span className="ml-1 font-normal text-muted">(optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} data-testid={`field-error-${id}`} className="text-xs font-medium wrap-anywhere text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const control =
  'w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-foreground placeholder:text-muted ' +
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent ' +
  'aria-invalid:border-danger disabled:opacity-60';

export function Input({ className, ...rest }: ComponentProps<'input'>) {
  return <input className={cn(control, 'h-10', className)} {...rest} />;
}

export function Textarea({ className, ...rest }: ComponentProps<'textarea'>) {
  return <textarea className={cn(control, 'min-h-20 font-mono', className)} {...rest} />;
}

export function Select({ className, children, ...rest }: ComponentProps<'select'>) {
  return (
    <select className={cn(control, 'h-10', className)} {...rest}>
      {children}
    </select>
  );
}

export function Checkbox({ label, id, className, ...rest }: Omit<ComponentProps<'input'>, 'type'> & { id: string; label: ReactNode }) {
  return (
    <label htmlFor={id} className={cn('inline-flex items-center gap-2 text-sm', className)}>
      <input id={id} type="checkbox" className="size-4 accent-[var(--accent)]" {...rest} />
      {label}
    </label>
  );
}
