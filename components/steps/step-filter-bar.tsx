'use client';

import type { RunStep } from '@/lib/contract';
import { NO_STEP_FILTER, stepFilterOptions, type StepFilter } from '@/lib/view/step-filter';
import { Select } from '@/components/ui/field';

/** Type and status choices for a long run's steps; only what the run has, with counts. */
export function StepFilterBar({ steps, filter, onChange, shown }: { steps: readonly RunStep[]; filter: StepFilter; onChange: (filter: StepFilter) => void; shown: number }) {
  const { kinds, statuses } = stepFilterOptions(steps);
  const active = filter.kind !== '' || filter.status !== '';
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="step-filter">
      <label className="flex flex-col gap-1 text-xs font-medium">
        Type
        <Select value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value })} className="h-9 w-auto min-w-40">
          <option value="">All types ({steps.length})</option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label} ({k.count})
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        Status
        <Select value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value })} className="h-9 w-auto min-w-36">
          <option value="">All statuses</option>
          {statuses.map((st) => (
            <option key={st.value} value={st.value}>
              {st.label} ({st.count})
            </option>
          ))}
        </Select>
      </label>
      <p className="pb-2 text-xs text-muted" aria-live="polite" data-testid="step-filter-summary">
        {active ? `${shown} of ${steps.length} steps` : `${steps.length} steps`}
      </p>
      {active ? (
        <button type="button" className="pb-2 text-xs text-accent hover:underline" onClick={() => onChange(NO_STEP_FILTER)}>
          Clear filter
        </button>
      ) : null}
    </div>
  );
}
