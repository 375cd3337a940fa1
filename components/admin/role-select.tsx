'use client';

import { ROLE_VALUES, type RoleValue } from '@/lib/contract/people';
import { ROLE_LABELS } from '@/lib/view/people';

/** A compact role picker for one row; saves on change (the parent mutates and shows the outcome). */
export function RoleSelect({
  value,
  onChange,
  disabled,
  label,
  id,
}: {
  value: RoleValue;
  onChange: (role: RoleValue) => void;
  disabled?: boolean;
  label: string;
  id: string;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as RoleValue)}
      // Not the form Select: a compact fixed-width control that keeps its size inside a scrolling table.
      className="h-8 w-28 min-w-28 rounded-md border border-border bg-surface px-2 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:opacity-60"
      data-testid="role-select"
    >
      {ROLE_VALUES.map((role) => (
        <option key={role} value={role}>{ROLE_LABELS[role]}</option>
      ))}
    </select>
  );
}
