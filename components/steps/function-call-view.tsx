import type { FunctionToolCall } from '@/lib/contract';
import { toPrettyJson } from '@/components/ui/json-view';
import { CopyableId } from '@/components/ui/copy-button';
import { CodeBlock } from './code-block';

/** A function call: name, arguments as formatted JSON, and the output once submitted. */
export function FunctionCallView({ call }: { call: FunctionToolCall }) {
  const output = call.function.output;
  return (
    <div className="flex flex-col gap-2" data-testid="function-call">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-semibold">{call.function.name}()</span>
        <CopyableId value={call.id} label="Copy tool call id" className="text-muted" />
      </div>
      <CodeBlock label={`Arguments of ${call.function.name}`} text={toPrettyJson(call.function.arguments, true)} />
      {output == null ? (
        <p className="text-sm text-muted">Output: not submitted yet.</p>
      ) : (
        <CodeBlock label={`Output of ${call.function.name}`} text={toPrettyJson(output, true)} testId="function-call-output" />
      )}
    </div>
  );
}
