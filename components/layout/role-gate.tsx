'use client';

import type { ReactNode } from 'react';
import { useViewer } from '@/lib/queries/viewer';
import { can, whoCan, type Ability } from '@/lib/view/roles';

/** The sentence shown where a control would be for a role that may not use it ("Operators can cancel runs."). */
export function RoleNote({ ability, action, className }: { ability: Ability; action: string; className?: string }) {
  return (
    <p className={`text-sm text-muted ${className ?? ''}`} data-testid="role-note">
      {whoCan(ability, action)}
    </p>
  );
}

/** Renders `children` only for a role with `ability`; otherwise says who can (the server refuses anyway). */
export function RoleGate({ ability, action, children, className }: { ability: Ability; action: string; children: ReactNode; className?: string }) {
  const viewer = useViewer();
  return can(viewer, ability) ? <>{children}</> : <RoleNote ability={ability} action={action} className={className} />;
}
