'use client';

import type { ReactNode } from 'react';
import { isApiRequestError } from '@/lib/queries/api-error';
import { Button } from './button';
import { cn } from './cn';
import { CopyButton } from './copy-button';

export type ErrorFacts = { status: number | null; message: string; code: string | null; type: string | null; requestId: string | null };

/** Normalises anything thrown into the facts support needs: status, verbatim message, code, request id. */
export function errorFacts(error: unknown): ErrorFacts {
  if (isApiRequestError(error)) {
    return { status: error.status || null, message: error.message, code: error.code, type: error.type, requestId: error.requestId };
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return { status: null, message, code: null, type: null, requestId: null };
}

/** True for outages (network, 5xx, 429, timeouts): the query layer keeps retrying those. */
export function isTransientError(error: unknown): boolean {
  if (!isApiRequestError(error) || error.isUnexpectedShape) return false;
  return error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408;
}

/**
 * The error panel: a plain-language title, then the server's message verbatim with HTTP status, error code and
 * request id (copyable, for tickets). `onRetry` adds a retry button.
 */
export function ErrorState({
  error,
  title,
  hint,
  onRetry,
  retrying,
  className,
  compact,
}: {
  error: unknown;
  title?: string;
  hint?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
  compact?: boolean;
}) {
  const facts = errorFacts(error);
  const transient = isTransientError(error);
  const heading =
    title ??
    (transient
      ? 'The upstream is not answering'
      : isApiRequestError(error) && error.isUnexpectedShape
        ? 'The upstream answered in a shape Runboard cannot read'
        : 'Request failed');
  return (
    <div role="alert" data-testid="error-state" className={cn('rounded-lg border border-danger/40 bg-danger/5 text-sm', compact ? 'p-3' : 'p-4', className)}>
      <p className="font-semibold text-danger">{heading}</p>
      <p data-testid="error-message" className="mt-1 whitespace-pre-wrap wrap-anywhere">{facts.message}</p>
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {facts.status !== null ? (
          <div>
            <dt className="inline">HTTP </dt>
            <dd className="inline font-mono" data-testid="error-status">{facts.status}</dd>
          </div>
        ) : null}
        {facts.code ? (
          <div>
            <dt className="inline">code </dt>
            <dd className="inline font-mono">{facts.code}</dd>
          </div>
        ) : null}
        {facts.requestId ? (
          <div className="inline-flex items-center">
            <dt className="inline">request id&nbsp;</dt>
            <dd className="inline-flex items-center font-mono" data-testid="error-request-id">
              {facts.requestId}
              <CopyButton value={facts.requestId} label="Copy request id" />
            </dd>
          </div>
        ) : null}
      </dl>
      {hint ? <div className="mt-2 text-muted">{hint}</div> : transient ? <p className="mt-2 text-muted">Runboard retries automatically; you can also retry now.</p> : null}
      {onRetry ? (
        <Button size="sm" className="mt-3" onClick={onRetry} busy={retrying}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
