'use client';

import { ROLE_VALUES, type RoleValue } from '@/lib/contract/people';
import { ROLE_LABELS } from '@/lib/view/people';
import { Select } from '@/components/ui/field';

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
    <Select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as RoleValue)}
      className="h-8 w-32 py-0"
      data-testid="role-select"
    >
      {ROLE_VALUES.map((role) => (
        <option key={role} value={role}>{ROLE_LABELS[role]}</option>
      ))}
    </Select>
  );
}
