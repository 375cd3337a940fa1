'use client';

import { useEffect, useRef, useState } from 'react';
import { cn } from './cn';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path (permissions, insecure origin such as http://LAN-IP)
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}

/** Icon-sized copy button; `label` names what is copied for screen readers ("Copy run id"). */
export function CopyButton({ value, label = 'Copy', className, showText = false }: { value: string; label?: string; className?: string; showText?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function onClick() {
    const ok = await copyText(value);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1500);
  }

  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={text}
      title={text}
      className={cn(
        'relative inline-flex h-6 min-w-6 shrink-0 items-center justify-center gap-1 rounded px-1 text-xs text-muted hover:bg-surface-muted hover:text-foreground',
        'focus-visible:outline-2 focus-visible:outline-accent',
        className,
      )}
    >
      {state === 'copied' ? (
        <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2"><path d="M3 8.5l3 3 7-7" /></svg>
      ) : (
        <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5"><rect x="5" y="5" width="8" height="9" rx="1.5" /><path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H10" /></svg>
      )}
      {showText ? <span>{text}</span> : null}
      <span className="sr-only" aria-live="polite">{state === 'idle' ? '' : text}</span>
    </button>
  );
}

/** A monospace id followed by its copy button — the most common pattern in the dashboard. */
export function CopyableId({ value, label, className }: { value: string; label?: string; className?: string }) {
  return (
    <span className={cn('inline-flex max-w-full min-w-0 items-center gap-0.5 font-mono text-xs', className)}>
      <span className="min-w-0 break-all">{value}</span>
      <CopyButton value={value} label={label ?? `Copy ${value}`} />
    </span>
  );
}
