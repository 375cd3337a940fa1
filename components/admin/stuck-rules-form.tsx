'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isApiRequestError } from '@/lib/queries/api-error';
import { stuckRulesQueryOptions, useSaveStuckRules } from '@/lib/queries/stuck-rules';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';
import { DEFAULT_STUCK_RULES, STUCK_RULE_FIELDS, draftToRules, rulesToDraft, unitLabel, type StuckRuleDraft, type StuckRuleKey } from '@/lib/view/stuck-rules-form';
import { RoleNote } from '@/components/layout/role-gate';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field, Input, fieldAria } from '@/components/ui/field';
import { SkeletonRows } from '@/components/ui/spinner';

/** The stuck rules (GET/PUT /api/admin/stuck-rules): everyone sees them; admins change them (audited). */
export function StuckRulesForm() {
  const q = useQuery(stuckRulesQueryOptions());
  if (q.isPending) return <SkeletonRows rows={7} label="stuck rules" />;
  if (q.error) return <ErrorState error={q.error} title="Could not load the stuck rules" onRetry={() => q.refetch()} retrying={q.isFetching} />;
  // Not re-keyed on new data: after a save the cache holds what the draft already says, and the "Saved" line stays.
  return <RulesEditor initial={rulesToDraft(q.data)} />;
}

function RulesEditor({ initial }: { initial: StuckRuleDraft }) {
  const viewer = useViewer();
  const save = useSaveStuckRules();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<StuckRuleKey, string>>>({});
  const [saved, setSaved] = useState(false);
  const admin = can(viewer, 'admin');
  const serverError = save.error;
  const serverParam = isApiRequestError(serverError) ? (serverError.param as StuckRuleKey | null) : null;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      data-testid="stuck-rules-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const result = draftToRules(draft);
        if (!result.ok) return setErrors(result.errors);
        setErrors({});
        save.mutate(result.rules, { onSuccess: () => setSaved(true) });
      }}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {STUCK_RULE_FIELDS.map((f) => {
          const id = `rule-${f.key}`;
          const error = errors[f.key] ?? (serverParam === f.key ? serverError?.message : null) ?? null;
          return (
            <Field key={f.key} id={id} label={`${f.label} (${unitLabel(f.unit)})`} hint={f.hint} error={error}>
              <Input
                {...fieldAria(id, { error, hint: true })}
                inputMode="decimal"
                value={draft[f.key]}
                readOnly={!admin}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                data-testid={id}
              />
            </Field>
          );
        })}
      </div>
      {admin ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="stuck-rules-save">
            Save rules
          </Button>
          <Button variant="ghost" onClick={() => (setDraft(rulesToDraft(DEFAULT_STUCK_RULES)), setErrors({}))}>
            Back to the defaults
          </Button>
          {saved ? (
            <output className="text-sm text-success" data-testid="stuck-rules-saved">
              Saved. The inbox uses the new rules from the watcher’s next cycle.
            </output>
          ) : null}
          {serverError && !serverParam ? (
            <span role="alert" className="text-sm text-danger">
              {serverError.message}
            </span>
          ) : null}
        </div>
      ) : (
        <RoleNote ability="admin" action="change the stuck rules" />
      )}
    </form>
  );
}
