'use client';

import type { ReactNode } from 'react';
import type { Run } from '@/lib/contract';
import { formatTokens } from '@/lib/view/format-tokens';
import { Card } from '@/components/ui/card';
import { JsonView, toPrettyJson } from '@/components/ui/json-view';

/**
 * The run's configuration as the server echoes it (effective values: the API folds assistant defaults in), and its
 * usage totals. Metadata lives in its own panel with the edit form.
 */
export function RunConfig({ run }: { run: Run }) {
  const additional = (run as Record<string, unknown>).additional_instructions;
  const reasoning = (run as Record<string, unknown>).reasoning_effort;
  return (
    <Card title="Configuration" id="run-config" testId="run-config">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm md:grid-cols-[max-content_minmax(0,1fr)]">
        <Item label="Instructions">
          {run.instructions ? <LongText text={run.instructions} testId="run-instructions" /> : <Missing>none</Missing>}
        </Item>
        <Item label="Additional instructions">
          {typeof additional === 'string' && additional ? (
            <LongText text={additional} />
          ) : (
            <Missing>not reported separately (the API appends them to the instructions above)</Missing>
          )}
        </Item>
        <Item label="Tools">
          {run.tools && run.tools.length > 0 ? (
            <ul className="flex flex-col gap-1.5">
              {run.tools.map((tool, i) => (
                <li key={i} className="flex flex-col gap-0.5">
                  <span>
                    <span className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{tool.type}</span>
                    {tool.type === 'function' && 'function' in tool ? (
                      <span className="ml-2 font-mono text-xs font-semibold">{(tool.function as { name: string }).name}</span>
                    ) : null}
                    {tool.type === 'function' && 'function' in tool && (tool.function as { description?: string | null }).description ? (
                      <span className="ml-2 text-xs text-muted">{(tool.function as { description?: string | null }).description}</span>
                    ) : null}
                  </span>
                  {tool.type !== 'code_interpreter' && tool.type !== 'retrieval' ? (
                    <JsonView value={tool} label={`Definition of ${tool.type === 'function' && 'function' in tool ? (tool.function as { name: string }).name : tool.type}`} collapsible maxHeightClass="max-h-64" />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <Missing>none</Missing>
          )}
        </Item>
        <Item label="Tool choice">{valueText(run.tool_choice)}</Item>
        <Item label="Parallel tool calls">{run.parallel_tool_calls == null ? <Missing>not reported (default true)</Missing> : String(run.parallel_tool_calls)}</Item>
        <Item label="Truncation strategy">
          {run.truncation_strategy
            ? `${run.truncation_strategy.type}${run.truncation_strategy.last_messages != null ? ` (last ${run.truncation_strategy.last_messages} messages)` : ''}`
            : <Missing>not reported (default auto)</Missing>}
        </Item>
        <Item label="Sampling">
          temperature {run.temperature ?? <Missing>default (1)</Missing>} · top_p {run.top_p ?? <Missing>default (1)</Missing>}
          {typeof reasoning === 'string' ? <> · reasoning effort {reasoning}</> : null}
        </Item>
        <Item label="Response format">{valueText(run.response_format)}</Item>
        <Item label="Token limits">
          prompt {run.max_prompt_tokens != null ? formatTokens(run.max_prompt_tokens) : <Missing>no limit</Missing>} · completion{' '}
          {run.max_completion_tokens != null ? formatTokens(run.max_completion_tokens) : <Missing>no limit</Missing>}
        </Item>
        {run.tool_resources && Object.values(run.tool_resources).some((v) => v != null) ? (
          <Item label="Tool resources">
            <JsonView value={run.tool_resources} label="Tool resources" maxHeightClass="max-h-40" />
          </Item>
        ) : null}
        <Item label="Usage">
          {run.usage ? (
            <span data-testid="run-usage">
              {formatTokens(run.usage.total_tokens)} total · {formatTokens(run.usage.prompt_tokens)} prompt · {formatTokens(run.usage.completion_tokens)} completion
            </span>
          ) : (
            <Missing>reported when the run ends</Missing>
          )}
        </Item>
      </dl>
    </Card>
  );
}

function valueText(value: unknown): ReactNode {
  if (value == null) return <Missing>not reported</Missing>;
  if (typeof value === 'string') return <span className="font-mono text-xs">{value}</span>;
  // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable: must be reachable by keyboard (axe)
  return <pre tabIndex={0} className="overflow-auto rounded bg-surface-muted p-2 font-mono text-xs">{toPrettyJson(value)}</pre>;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-muted">{label}</dt>
      <dd className="min-w-0 wrap-anywhere">{children}</dd>
    </>
  );
}

function Missing({ children }: { children: ReactNode }) {
  return <span className="text-muted italic">{children}</span>;
}

function LongText({ text, testId }: { text: string; testId?: string }) {
  const long = text.length > 600;
  // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable: must be reachable by keyboard (axe)
  const body = <p tabIndex={0} data-testid={testId} className="max-h-72 overflow-auto whitespace-pre-wrap wrap-anywhere rounded bg-surface-muted p-2 text-sm">{text}</p>;
  if (!long) return body;
  return (
    <details>
      <summary className="cursor-pointer text-sm">{text.slice(0, 160)}… <span className="text-muted">({text.length.toLocaleString('en-US')} characters)</span></summary>
      <div className="mt-1">{body}</div>
    </details>
  );
}
